import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinLock, pinLockFile } from '@layso/electron-shell';
import { saveSettingsFile } from './settings-file.js';
import { createSettingsService } from './settings-service.js';
import { FORM, tempDir, validSettings } from './test-support.js';

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'kiosk-settings.json');
});
afterEach(() => dir.remove());

describe('settings service', () => {
  it('on first start opens without a PIN and saves the first settings', () => {
    const onSaved = vi.fn();
    const service = createSettingsService({ file, onSaved });
    expect(service.current()).toBeNull();
    expect(service.get('')).toEqual({ ok: true, settings: null, pinRequired: false });
    expect(service.save('', FORM)).toEqual({ ok: true });
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(service.current()?.hubUrl).toBe('http://192.168.1.10:8080');
    // From now on the PIN chosen is required, also after a restart.
    expect(createSettingsService({ file }).get('')).toEqual({ ok: false, reason: 'WRONG_PIN' });
  });

  it('adopts a paired token only while it has none, and keeps it across restarts', () => {
    const service = createSettingsService({ file });
    expect(service.adoptPairedToken('lys_paired')).toBe(false);
    expect(service.save('', { ...FORM, token: '' })).toEqual({ ok: true });
    expect(service.current()?.token).toBeNull();
    expect(service.adoptPairedToken('has spaces')).toBe(false);
    expect(service.adoptPairedToken('lys_paired')).toBe(true);
    expect(service.current()?.token).toBe('lys_paired');
    expect(service.adoptPairedToken('lys_other')).toBe(false);
    expect(createSettingsService({ file }).current()?.token).toBe('lys_paired');
  });

  it('shows the settings without the token once the PIN is right', () => {
    saveSettingsFile(file, validSettings());
    const service = createSettingsService({ file });
    const result = service.get('2468');
    expect(result).toEqual({
      ok: true,
      pinRequired: true,
      settings: { hubUrl: 'http://192.168.1.10:8080', hasToken: true, printer: 'tcp://192.168.1.50:9100', paper: '80mm', textMode: 'cp1258', codePage: null, hubCertFingerprints: [] },
    });
    expect(JSON.stringify(result)).not.toContain('kiosk-token-abc');
  });

  it('refuses a wrong PIN and locks after repeated failures', () => {
    saveSettingsFile(file, validSettings());
    let now = 0;
    const service = createSettingsService({ file, guard: createPinLock({ maxFailures: 3, baseLockMs: 60_000, now: () => now }) });
    expect(service.get('1111')).toEqual({ ok: false, reason: 'WRONG_PIN' });
    expect(service.save('1111', FORM)).toEqual({ ok: false, reason: 'WRONG_PIN' });
    expect(service.get('1111')).toEqual({ ok: false, reason: 'LOCKED', retryInSec: 60 });
    expect(service.get('2468')).toMatchObject({ ok: false, reason: 'LOCKED' });
    now = 61_000;
    expect(service.get('2468')).toMatchObject({ ok: true });
  });

  it('keeps the lock across a restart and doubles it each round', () => {
    saveSettingsFile(file, validSettings());
    let now = 0;
    const lockFile = join(dir.path, 'pin-lock.json');
    const boot = () => createSettingsService({ file, guard: createPinLock({ store: pinLockFile(lockFile), maxFailures: 2, now: () => now }) });
    expect(boot().get('1111')).toEqual({ ok: false, reason: 'WRONG_PIN' });
    // Restarted between the two tries: the count was kept.
    expect(boot().get('1111')).toEqual({ ok: false, reason: 'LOCKED', retryInSec: 60 });
    expect(boot().get('2468')).toMatchObject({ ok: false, reason: 'LOCKED' });
    now += 60_000;
    boot().get('1111');
    expect(boot().get('1111')).toEqual({ ok: false, reason: 'LOCKED', retryInSec: 120 });
  });

  it('does not count the empty first probe as a wrong guess', () => {
    saveSettingsFile(file, validSettings());
    const service = createSettingsService({ file, guard: createPinLock({ maxFailures: 1 }) });
    expect(service.get('')).toEqual({ ok: false, reason: 'WRONG_PIN' });
    expect(service.get('2468')).toMatchObject({ ok: true });
  });

  it('returns the problems of an invalid save and keeps the old settings', () => {
    saveSettingsFile(file, validSettings());
    const service = createSettingsService({ file });
    const result = service.save('2468', { ...FORM, hubUrl: 'nope' });
    expect(result).toMatchObject({ ok: false, reason: 'INVALID', problems: [{ field: 'hubUrl' }] });
    expect(createSettingsService({ file }).current()?.hubUrl).toBe('http://192.168.1.10:8080');
  });

  it('keeps a broken file PIN-protected when its PIN part is readable', () => {
    writeFileSync(file, JSON.stringify({ ...validSettings(), hubUrl: 'broken' }));
    const service = createSettingsService({ file });
    expect(service.current()).toBeNull();
    expect(service.problems().join()).toMatch(/hubUrl/);
    expect(service.get('')).toEqual({ ok: false, reason: 'WRONG_PIN' });
    expect(service.get('2468')).toEqual({ ok: true, settings: null, pinRequired: true });
  });
});
