import { describe, expect, it } from 'vitest';
import { parseShellSettings } from './settings-schema.js';

const base = { hubUrl: 'http://192.168.1.10:8080/', token: 'lys_abcdefghijkl' };

describe('shell settings', () => {
  it('keeps pinned hub certificate fingerprints normalised and refuses a malformed one', () => {
    const pinned = parseShellSettings({ ...base, role: 'board', hubUrl: 'https://192.168.1.10:8443', hubCertFingerprints: ['ab'.repeat(32)] });
    expect(pinned).toMatchObject({ ok: true, settings: { hubCertFingerprints: [`${'AB:'.repeat(31)}AB`] } });
    expect(parseShellSettings({ ...base, role: 'board', hubCertFingerprints: ['12:34'] })).toMatchObject({ ok: false, problems: [{ path: 'hubCertFingerprints.0' }] });
  });

  it('fills defaults and normalizes the hub URL', () => {
    const parsed = parseShellSettings({ ...base, role: 'board', areas: ['tang-3'] });
    expect(parsed).toEqual({
      ok: true,
      settings: {
        role: 'board',
        hubUrl: 'http://192.168.1.10:8080',
        token: 'lys_abcdefghijkl',
        hubCertFingerprints: [],
        areas: ['tang-3'],
        layout: 'landscape',
        volume: 1,
        muted: false,
        autostart: true,
      },
    });
  });

  it('needs a counter number for the console and the door screen', () => {
    const parsed = parseShellSettings({ ...base, role: 'door' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => p.path)).toEqual(['counter']);
    expect(parseShellSettings({ ...base, role: 'door', counter: 86 }).ok).toBe(true);
  });

  it('takes no token and no counter before pairing (the pairing brings both)', () => {
    expect(parseShellSettings({ hubUrl: base.hubUrl, role: 'door' })).toMatchObject({ ok: true, settings: { role: 'door' } });
  });

  it('refuses a non-http hub, a bad token, unknown keys and out-of-range values', () => {
    const parsed = parseShellSettings({ role: 'board', hubUrl: 'file:///etc', token: 'a b', volume: 2, extra: 1 });
    expect(parsed.ok).toBe(false);
    const paths = !parsed.ok ? parsed.problems.map((p) => p.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['hubUrl', 'token', 'volume']));
    // A misspelt key in a hand-edited file is reported, not silently dropped.
    expect(!parsed.ok && parsed.problems.some((p) => p.message.includes('extra'))).toBe(true);
  });

  it('keeps serial devices to the roles that can use them', () => {
    const led = { path: '/dev/ttyUSB0' };
    expect(parseShellSettings({ ...base, role: 'door', counter: 86, led }).ok).toBe(true);
    expect(parseShellSettings({ ...base, role: 'board', led }).ok).toBe(false);
    expect(parseShellSettings({ ...base, role: 'counter', counter: 86, keypad: { path: '/dev/ttyUSB1' } }).ok).toBe(true);
    expect(parseShellSettings({ ...base, role: 'door', counter: 86, keypad: { path: '/dev/ttyUSB1' } }).ok).toBe(false);
  });
});
