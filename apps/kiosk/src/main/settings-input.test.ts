import { describe, expect, it } from 'vitest';
import { verifyPin } from '@layso/electron-shell';
import { settingsFromInput } from './settings-input.js';
import { hubUrlSchema } from './settings-schema.js';
import { FORM, validSettings } from './test-support.js';

describe('settingsFromInput', () => {
  it('builds complete settings on first start', () => {
    const result = settingsFromInput(FORM, null);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toMatchObject({ version: 1, hubUrl: 'http://192.168.1.10:8080', token: 'kiosk-token-abc', printer: 'tcp://192.168.1.50:9100', codePage: null });
    expect(verifyPin('2468', result.settings.adminPin)).toBe(true);
  });

  it('reads the pinned hub certificate fingerprints, in any usual notation', () => {
    const hex = 'ab'.repeat(32);
    const result = settingsFromInput({ ...FORM, hubUrl: 'https://192.168.1.10:8443', hubCertFingerprints: `${hex}, SHA256:${'CD'.repeat(32)}` }, null);
    expect(result).toMatchObject({ ok: true, settings: { hubCertFingerprints: [`${'AB:'.repeat(31)}AB`, `${'CD:'.repeat(31)}CD`] } });
    expect(settingsFromInput({ ...FORM, hubCertFingerprints: '12:34' }, null)).toMatchObject({ ok: false, problems: [{ field: 'hubCertFingerprints' }] });
  });

  it('needs a PIN on first start', () => {
    const result = settingsFromInput({ ...FORM, newPin: '' }, null);
    expect(result).toEqual({ ok: false, problems: [{ field: 'newPin', message: expect.any(String) }] });
  });

  it('takes no token on first start: the kiosk then pairs with the hub', () => {
    const result = settingsFromInput({ ...FORM, token: '' }, null);
    expect(result).toMatchObject({ ok: true, settings: { token: null } });
  });

  it('keeps the stored token and PIN when left blank, and reads "no printer" and a code page', () => {
    const current = validSettings();
    const result = settingsFromInput({ ...FORM, token: '', newPin: '', printer: '  ', codePage: '45' }, current);
    expect(result).toMatchObject({ ok: true, settings: { token: current.token, adminPin: current.adminPin, printer: null, codePage: 45 } });
  });

  it.each([
    ['hubUrl', 'ftp://hub'],
    ['hubUrl', 'http://hub:8080/kiosk'],
    ['hubUrl', 'not a url'],
    ['token', 'has spaces in it'],
    ['printer', 'lpt1'],
    ['codePage', '300'],
    ['newPin', '12'],
    ['newPin', 'abcd'],
    ['paper', '100mm'],
  ])('refuses %s = %j', (field, value) => {
    const result = settingsFromInput({ ...FORM, [field]: value }, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(field);
  });

  it('refuses unknown fields and non-objects', () => {
    expect(settingsFromInput({ ...FORM, extra: 1 }, null).ok).toBe(false);
    expect(settingsFromInput('nope', null).ok).toBe(false);
  });
});

describe('hubUrlSchema', () => {
  it('keeps only the origin', () => {
    expect(hubUrlSchema.parse(' http://192.168.1.10:8080/ ')).toBe('http://192.168.1.10:8080');
    expect(hubUrlSchema.parse('https://hub.example.vn')).toBe('https://hub.example.vn');
  });
});
