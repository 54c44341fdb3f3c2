import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinLock, pinLockFile } from '@layso/electron-shell';
import { readSettingsFile, settingsPath } from './settings-file.js';
import { SettingsService } from './settings-service.js';

const door = { role: 'door', hubUrl: 'http://10.0.0.2:8080', token: 'lys_doortoken123', counter: 86 };
let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'layso-settings-'));
  path = settingsPath(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SettingsService', () => {
  it('starts unconfigured, opens without a PIN and insists on setting one', () => {
    const service = new SettingsService(path);
    expect(service.status()).toEqual({ configured: false, hasPin: false, problems: [] });
    expect(service.unlock('')).toEqual({ ok: true, settings: null });
    expect(service.save({ pin: '', settings: door })).toMatchObject({ ok: false, reason: 'invalid', problems: [{ path: 'newPin' }] });
    expect(service.save({ pin: '', settings: door, newPin: '2468' })).toMatchObject({ ok: true, settings: { role: 'door', counter: 86 } });
    expect(service.status()).toEqual({ configured: true, hasPin: true, problems: [] });
    expect(service.current()?.token).toBe('lys_doortoken123');
  });

  it('keeps the settings behind the PIN once set', () => {
    const service = new SettingsService(path);
    service.save({ pin: '', settings: door, newPin: '2468' });
    expect(service.unlock('1111')).toEqual({ ok: false, reason: 'wrong-pin' });
    expect(service.unlock('2468')).toMatchObject({ ok: true, settings: { counter: 86 } });
    expect(service.save({ pin: '1111', settings: { ...door, counter: 87 } })).toEqual({ ok: false, reason: 'wrong-pin' });
    expect(service.current()?.counter).toBe(86);
  });

  it('locks after too many wrong PINs', () => {
    let now = 1_000;
    const service = new SettingsService(path, { maxFailures: 2, lockMs: 30_000, now: () => now });
    service.save({ pin: '', settings: door, newPin: '2468' });
    service.unlock('0000');
    expect(service.unlock('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: 30_000 });
    expect(service.unlock('2468')).toMatchObject({ ok: false, reason: 'locked' });
    now += 30_000;
    expect(service.unlock('2468').ok).toBe(true);
  });

  it('keeps the wrong-PIN count and lock across restarts, doubling the lock each round, and reports each failure', () => {
    let now = 1_000;
    const reports: number[] = [];
    const lockPath = join(dir, 'pin-lock.json');
    const boot = () => new SettingsService(path, { lock: createPinLock({ store: pinLockFile(lockPath), maxFailures: 2, now: () => now, onFailure: (f) => reports.push(f.lockedForMs) }) });
    boot().save({ pin: '', settings: door, newPin: '2468' });
    expect(boot().unlock('0000')).toEqual({ ok: false, reason: 'wrong-pin' });
    // A restart between tries (the hub can cause one) no longer wipes the count.
    expect(boot().unlock('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: 60_000 });
    expect(boot().unlock('2468')).toMatchObject({ ok: false, reason: 'locked' });
    now += 60_000;
    boot().unlock('0000');
    expect(boot().unlock('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: 120_000 });
    expect(reports).toEqual([0, 60_000, 0, 120_000]);
    now += 120_000;
    expect(boot().unlock('2468').ok).toBe(true);
  });

  it('validates before writing and reports the fields', () => {
    const service = new SettingsService(path);
    service.save({ pin: '', settings: door, newPin: '2468' });
    const result = service.save({ pin: '2468', settings: { ...door, hubUrl: 'nonsense' }, newPin: '12' });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && result.reason === 'invalid' && result.problems.map((p) => p.path).sort()).toEqual(['hubUrl', 'newPin']);
    expect(service.current()?.hubUrl).toBe('http://10.0.0.2:8080');
  });

  it('stores JSON readable by the owner only, and treats a broken file as unconfigured', () => {
    const service = new SettingsService(path);
    service.save({ pin: '', settings: door, newPin: '2468' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 1, settings: { counter: 86 } });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, '{ not json');
    expect(readSettingsFile(path)).toMatchObject({ settings: null, problems: [{ message: 'tệp cài đặt không phải JSON hợp lệ' }] });
    expect(service.status().configured).toBe(false);
  });
});
