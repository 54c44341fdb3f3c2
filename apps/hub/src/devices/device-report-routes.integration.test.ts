import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPinFailure } from '@layso/electron-shell';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

const pinFailures = () => new AuditLogStore(t.db).list().filter((entry) => entry.action === 'device.pin-failure');

describe('wrong settings PINs reported by devices', () => {
  it('lands in the audit log with the device as the actor (through the shells\' reporter)', async () => {
    expect(await reportPinFailure({ hubUrl: t.url, token: t.tokens.kiosk }, { failures: 5, lockedForMs: 60_000 })).toBe(true);
    const [entry] = pinFailures();
    expect(entry).toMatchObject({ action: 'device.pin-failure', after: { failures: 5, lockedForMs: 60_000 } });
    expect(entry!.actor).toMatch(/^device:\d+/);
    expect(entry!.target).toMatch(/^device:\d+$/);
  });

  it('refuses callers without a device token, other roles and bad bodies, changing nothing', async () => {
    const before = pinFailures().length;
    expectError(await t.request('POST', '/api/devices/me/pin-failures', { json: { failures: 1, lockedForMs: 0 } }), 401, 'UNAUTHENTICATED');
    expectError(await t.request('POST', '/api/devices/me/pin-failures', { token: t.tokens.admin, json: { failures: 1, lockedForMs: 0 } }), 403, 'FORBIDDEN');
    expectError(await t.request('POST', '/api/devices/me/pin-failures', { token: t.tokens.kiosk, json: { failures: 0, lockedForMs: 0 } }), 400, 'VALIDATION');
    expectError(await t.request('POST', '/api/devices/me/pin-failures', { token: t.tokens.kiosk, json: { failures: 1, lockedForMs: 0, note: 'x'.repeat(100) } }), 400, 'VALIDATION');
    expect(pinFailures()).toHaveLength(before);
  });

  it('keeps at most 30 reports per device an hour', async () => {
    const token = t.tokens.display;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await t.request('POST', '/api/devices/me/pin-failures', { token, json: { failures: 1, lockedForMs: 0 } })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('reports nothing without a token and survives an unreachable hub', async () => {
    const logs: string[] = [];
    expect(await reportPinFailure({ hubUrl: t.url, token: null }, { failures: 1, lockedForMs: 0 })).toBe(false);
    expect(await reportPinFailure({ hubUrl: 'http://127.0.0.1:9', token: 'x' }, { failures: 1, lockedForMs: 0 }, { log: (m) => logs.push(m) })).toBe(false);
    expect(logs[0]).toMatch(/could not report/);
  });
});
