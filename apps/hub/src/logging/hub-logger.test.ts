import { describe, expect, it } from 'vitest';
import { createLogger, formatLogEntry, isoTimestamp, levelOf, maskPersonalData } from './hub-logger.js';

const AT = new Date('2026-12-03T13:05:09.042Z');
const LINE_START = /^2026-12-03T20:05:09\.042\+07:00 (INFO |WARN |ERROR) /;

describe('hub logger', () => {
  it('timestamps are ISO 8601 with the Asia/Ho_Chi_Minh offset (or another zone given), to the millisecond', () => {
    expect(isoTimestamp(AT)).toBe('2026-12-03T20:05:09.042+07:00');
    expect(isoTimestamp(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01T00:00:00.000+07:00');
    expect(isoTimestamp(AT, 'UTC')).toBe('2026-12-03T13:05:09.042+00:00');
    expect(isoTimestamp(AT, 'America/New_York')).toBe('2026-12-03T08:05:09.042-05:00');
  });

  it('levels: ERROR with an Error, WARN with another detail, INFO otherwise', () => {
    expect(levelOf(undefined)).toBe('INFO');
    expect(levelOf('package missing')).toBe('WARN');
    expect(levelOf(new Error('x'))).toBe('ERROR');
  });

  it('every line of an entry, a stack trace and its error code included, carries the time and the level', () => {
    const error = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const text = formatLogEntry('ERROR', 'unexpected error while handling a request', error, AT);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/^2026-12-03T20:05:09\.042\+07:00 ERROR /);
    expect(lines[0]).toBe('2026-12-03T20:05:09.042+07:00 ERROR unexpected error while handling a request: Error: database or disk is full');
    expect(text).toMatch(/ERROR {5}at /);
    expect(text).toContain("code: 'SQLITE_FULL'");
    expect(formatLogEntry('INFO', 'hub ready', undefined, AT)).toBe('2026-12-03T20:05:09.042+07:00 INFO  hub ready\n');
    expect(formatLogEntry('WARN', 'mDNS off', 'no package', AT)).toBe('2026-12-03T20:05:09.042+07:00 WARN  mDNS off: no package\n');
  });

  it.each([
    ['a phone number', 'SMS to 0903123456 failed', 'SMS to 0903***456 failed'],
    ['a grouped phone number', 'gọi 0903 123 456 hoặc 0903.123.456', 'gọi 0903***456 hoặc 0903***456'],
    ['an international phone number', 'to +84903123456 and 84903123456', 'to +849***456 and 8490***456'],
    ['a grouped international number and a dashed one', 'gọi +84 903 123 456, 0903-123-456', 'gọi +849***456, 0903***456'],
    ['an e-mail address', 'mail to nguyen.van.a@example.vn bounced', 'mail to n***@example.vn bounced'],
    ['a device token', 'token lys_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG leaked', 'token lys_*** leaked'],
    ['a bearer header', 'authorization: Bearer abc.def-ghi', 'authorization: Bearer ***'],
    ['a token in a URL', 'GET /kiosk#token=abcdef&x=1', 'GET /kiosk#token=***&x=1'],
    ['secrets in JSON', '{"password":"hunter22","access_token":"xyz","pin":"1234"}', '{"password":"***","access_token":"***","pin":"***"}'],
    ['secrets as key=value', 'refresh_token=abc&api_key=def', 'refresh_token=***&api_key=***'],
    ['a citizen name echoed as JSON', 'gateway said {"name":"Nguyễn Văn A","phone":"0912345678"}', 'gateway said {"name":"***","phone":"0912***678"}'],
  ])('masks %s', (_label, raw, masked) => {
    expect(maskPersonalData(raw)).toBe(masked);
    expect(formatLogEntry('WARN', raw, undefined, AT)).toBe(`2026-12-03T20:05:09.042+07:00 WARN  ${masked}\n`);
  });

  it('leaves what is not personal data alone: ticket numbers, times, addresses, sizes, hashes, ids', () => {
    for (const text of [
      'ticket 86001 called at counter 86',
      'nightly backup 2026-12-03 took 1234 ms, 104857600 bytes',
      'listening on http://192.168.10.5:8080 and http://0.0.0.0:80',
      'TLS certificate reloaded, SHA-256 0A:1B:2C:3D, valid until 2027-01-01',
      'request 0b8f6c1e-0123-4567-89ab-0123456789ab done',
      'clock moved back 09/11/2026 08:30:00',
      'masked already: 0903***456',
      'the copy taken before is /var/lib/layso/backups/layso-0.1.0-2026-12-03T13-38-21-255Z.db',
      'version 0.1.0-2026-12-03, build 0123456789abcdef, id 00000000000',
      'epoch 1764768321255 ms, 2026-12-03T13:38:21.255Z',
    ]) {
      expect(maskPersonalData(text), text).toBe(text);
    }
  });

  it('createLogger writes log entries and banner lines with time and level; the banner is not masked', () => {
    const logs: string[] = [];
    const banner: string[] = [];
    const logger = createLogger({ writeLog: (t) => logs.push(t), writeBanner: (t) => banner.push(t), now: () => AT });
    logger.log('notify: subscribed 0903123456');
    logger.log('backup failed', new Error('EIO'));
    logger.banner('  First admin created — sign in as: admin / lys_notmasked12345');
    expect(logs[0]).toBe('2026-12-03T20:05:09.042+07:00 INFO  notify: subscribed 0903***456\n');
    expect(logs[1]).toMatch(LINE_START);
    expect(logs[1]).toMatch(/^\S+ ERROR backup failed: Error: EIO\n/);
    expect(banner).toEqual(['2026-12-03T20:05:09.042+07:00 INFO    First admin created — sign in as: admin / lys_notmasked12345\n']);
  });
});
