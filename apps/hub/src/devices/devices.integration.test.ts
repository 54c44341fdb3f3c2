import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectHub, type ConnectionStatus } from '@layso/shared/client';
import {
  createPairingResponseSchema,
  deviceCommandResponseSchema,
  deviceResponseSchema,
  fleetResponseSchema,
  pairingStatusResponseSchema,
  type DeviceCommandEvent,
  type FleetDevice,
  type Role,
} from '@layso/shared';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { FakeClock } from '../testing/fake-clock.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';
import { PAIRING_TTL_MS } from './pairing-registry.js';

async function askCode(t: TestHub, kind: 'kiosk' | 'counter-display' = 'kiosk') {
  const response = await t.request('POST', '/api/pairing', { json: { kind, appVersion: '0.9.0', hostname: 'may-lay-so-1' } });
  expect(response.status, response.text).toBe(201);
  return createPairingResponseSchema.parse(response.body);
}

async function poll(t: TestHub, pairingId: string) {
  const response = await t.request('GET', `/api/pairing/${pairingId}`);
  return { response, body: response.status === 200 ? pairingStatusResponseSchema.parse(response.body) : null };
}

async function fleet(t: TestHub): Promise<FleetDevice[]> {
  const response = await t.request('GET', '/api/admin/devices', { token: t.tokens.admin });
  expect(response.status, response.text).toBe(200);
  return fleetResponseSchema.parse(response.body).devices;
}

/** Pairs a new device end to end and returns its token and id. */
async function pair(t: TestHub, claim: Record<string, unknown>, kind: 'kiosk' | 'counter-display' = 'kiosk') {
  const { pairingId, code } = await askCode(t, kind);
  const claimed = await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, ...claim } });
  expect(claimed.status, claimed.text).toBe(201);
  const { device } = deviceResponseSchema.parse(claimed.body);
  const { body } = await poll(t, pairingId);
  if (body?.status !== 'paired') throw new Error(`not paired: ${JSON.stringify(body)}`);
  return { token: body.token, id: device.id, result: body };
}

describe('device pairing, fleet and commands over real HTTP and socket.io', () => {
  let t: TestHub;
  const sockets: TestSocket[] = [];
  const connect = async (token: string) => {
    const socket = await TestSocket.connect(t.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter() });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.stop();
  });

  it('pairs a kiosk end to end: the device polls, the admin claims, the token works once handed over', async () => {
    const { pairingId, code, expiresAt } = await askCode(t);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(PAIRING_TTL_MS - 60_000);
    const pending = await poll(t, pairingId);
    expect(pending.body?.status).toBe('pending');

    const claimed = await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, role: 'kiosk', name: 'Kiosk sảnh tầng 1' } });
    expect(claimed.status, claimed.text).toBe(201);
    expect(claimed.text).not.toContain('lys_');
    const { device } = deviceResponseSchema.parse(claimed.body);
    expect(device).toMatchObject({ role: 'kiosk', name: 'Kiosk sảnh tầng 1', counter: null, revokedAt: null, online: false });

    const paired = await poll(t, pairingId);
    expect(paired.body).toMatchObject({ status: 'paired', role: 'kiosk', counter: null, screen: 'kiosk', name: 'Kiosk sảnh tầng 1' });
    const token = (paired.body as { token: string }).token;
    // Handed over once, then forgotten.
    expectError((await poll(t, pairingId)).response, 404, 'NOT_FOUND');

    const me = await t.request('GET', '/api/device', { token });
    expect(me.body).toEqual({ role: 'kiosk', counter: null, name: 'Kiosk sảnh tầng 1' });
    const issued = await t.issue('tu-phap', { token });
    expect(issued.status, issued.text).toBe(201);

    const audit = new AuditLogStore(t.db).list().find((e) => e.action === 'device.pair' && e.target === `device:${device.id}`);
    expect(audit?.actor).toMatch(/^device:\d+ test admin$/);
    expect(audit?.after).toMatchObject({ role: 'kiosk', kind: 'kiosk', appVersion: '0.9.0', hostname: 'may-lay-so-1' });
  });

  it('pairs a counter-display as a console of a configured counter, and as a door screen carrying its counter', async () => {
    const consoleDevice = await pair(t, { role: 'counter', counter: 87, name: 'Quầy 87' }, 'counter-display');
    expect(consoleDevice.result).toMatchObject({ role: 'counter', counter: 87, screen: 'counter' });
    expect((await t.request('GET', '/api/counters/87/queue', { token: consoleDevice.token })).status).toBe(200);
    const door = await pair(t, { role: 'display', screen: 'door', counter: 60, name: 'Cửa quầy 60' }, 'counter-display');
    expect(door.result).toMatchObject({ role: 'display', counter: 60, screen: 'door' });
    const board = await pair(t, { role: 'display', name: 'Bảng tổng' }, 'counter-display');
    expect(board.result).toMatchObject({ role: 'display', counter: null, screen: 'board' });

    // The fleet tells them apart: both are `display` tokens, but one shows counter 60's door.
    const listed = new Map((await fleet(t)).map((d) => [d.id, d]));
    expect(listed.get(consoleDevice.id)).toMatchObject({ role: 'counter', screen: 'counter', counter: 87 });
    expect(listed.get(door.id)).toMatchObject({ role: 'display', screen: 'door', counter: 60 });
    expect(listed.get(board.id)).toMatchObject({ role: 'display', screen: 'board', counter: null });
    // A display token made by the CLI says nothing about its screen.
    const cliDisplay = t.createToken('display');
    expect(listed.get(cliDisplay.deviceId)).toBeUndefined();
    expect((await fleet(t)).find((d) => d.id === cliDisplay.deviceId)).toMatchObject({ role: 'display', screen: null, counter: null });
    // The door screen's token still acts for no counter.
    expect((await t.request('GET', '/api/device', { token: door.token })).body).toMatchObject({ role: 'display', counter: null });
  });

  it('refuses a wrong code (404), a role the app cannot take and an unknown counter (400), writing nothing', async () => {
    const before = (await fleet(t)).length;
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code: '000000', role: 'kiosk', name: 'x' } }), 404, 'NOT_FOUND');
    const { code } = await askCode(t, 'kiosk');
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, role: 'counter', counter: 60, name: 'x' } }), 400, 'VALIDATION');
    const other = await askCode(t, 'counter-display');
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code: other.code, role: 'counter', counter: 999, name: 'x' } }), 400, 'VALIDATION');
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code: other.code, role: 'counter', name: 'x' } }), 400, 'VALIDATION');
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code: other.code, role: 'admin', name: 'x' } }), 400, 'VALIDATION');
    expect((await fleet(t)).length).toBe(before);
    // The codes refused for a bad role are still claimable.
    const ok = await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code: other.code, role: 'counter', counter: 64, name: 'Quầy 64' } });
    expect(ok.status, ok.text).toBe(201);
  });

  it('a code cannot be claimed twice', async () => {
    const { code } = await askCode(t);
    expect((await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, role: 'kiosk', name: 'Kiosk A' } })).status).toBe(201);
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, role: 'kiosk', name: 'Kiosk B' } }), 404, 'NOT_FOUND');
  });

  it('an unknown pairing id is a 404, a malformed one a 400', async () => {
    expectError(await t.request('GET', `/api/pairing/${'A'.repeat(32)}`), 404, 'NOT_FOUND');
    expectError(await t.request('GET', '/api/pairing/short'), 400, 'VALIDATION');
    expectError(await t.request('POST', '/api/pairing', { json: { kind: 'printer', appVersion: '1' } }), 400, 'VALIDATION');
  });

  it('limits wrong codes per address (429 after 10), other addresses unaffected', async () => {
    const from = { localAddress: '127.0.0.23' };
    for (let i = 0; i < 10; i += 1) {
      expectError(await t.request('POST', '/api/admin/pairing', { ...from, token: t.tokens.admin, json: { code: '999999', role: 'kiosk', name: 'x' } }), 404, 'NOT_FOUND');
    }
    const { code } = await askCode(t);
    expectError(await t.request('POST', '/api/admin/pairing', { ...from, token: t.tokens.admin, json: { code, role: 'kiosk', name: 'x' } }), 429, 'RATE_LIMITED');
    expect((await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, role: 'kiosk', name: 'x' } })).status).toBe(201);
  });

  it('limits how many codes one address asks for (429 after 30)', async () => {
    const from = { localAddress: '127.0.0.24' };
    for (let i = 0; i < 30; i += 1) {
      expect((await t.request('POST', '/api/pairing', { ...from, json: { kind: 'kiosk', appVersion: '1' } })).status).toBe(201);
    }
    expectError(await t.request('POST', '/api/pairing', { ...from, json: { kind: 'kiosk', appVersion: '1' } }), 429, 'RATE_LIMITED');
  });

  it('the fleet shows online/offline, app version and the printer status a kiosk reported', async () => {
    const kiosk = await pair(t, { role: 'kiosk', name: 'Kiosk máy in' });
    let row = (await fleet(t)).find((d) => d.id === kiosk.id)!;
    expect(row).toMatchObject({ online: false, appVersion: null, printer: null, statusAt: null });
    const socket = await connect(kiosk.token);
    const printer = { state: 'not-ready', code: 'PAPER_OUT', message: 'Hết giấy' } as const;
    expect((await t.request('PUT', '/api/devices/me/status', { token: kiosk.token, json: { appVersion: '1.2.3', printer } })).status).toBe(200);
    row = (await fleet(t)).find((d) => d.id === kiosk.id)!;
    expect(row).toMatchObject({ online: true, appVersion: '1.2.3', printer, role: 'kiosk' });
    expect(row.statusAt).not.toBeNull();
    expect(row.lastSeenAt).not.toBeNull();
    socket.close();
    await expect.poll(async () => (await fleet(t)).find((d) => d.id === kiosk.id)!.online).toBe(false);
  });

  it('renames a device, with an audit entry before/after', async () => {
    const kiosk = await pair(t, { role: 'kiosk', name: 'Tên cũ' });
    const renamed = await t.request('PUT', `/api/admin/devices/${kiosk.id}`, { token: t.tokens.admin, json: { name: '  Kiosk cổng chính ' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(deviceResponseSchema.parse(renamed.body).device.name).toBe('Kiosk cổng chính');
    expect((await t.request('GET', '/api/device', { token: kiosk.token })).body).toMatchObject({ name: 'Kiosk cổng chính' });
    const audit = new AuditLogStore(t.db).list().find((e) => e.action === 'device.rename' && e.target === `device:${kiosk.id}`);
    expect(audit).toMatchObject({ before: { name: 'Tên cũ' }, after: { name: 'Kiosk cổng chính' } });
    expectError(await t.request('PUT', '/api/admin/devices/99999', { token: t.tokens.admin, json: { name: 'x' } }), 404, 'NOT_FOUND');
    expectError(await t.request('PUT', `/api/admin/devices/${kiosk.id}`, { token: t.tokens.admin, json: { name: '' } }), 400, 'VALIDATION');
  });

  it('revokes a device: its live socket is dropped at once and its next HTTP call gets 401', async () => {
    const kiosk = await pair(t, { role: 'kiosk', name: 'Kiosk bị thu hồi' });
    const socket = await connect(kiosk.token);
    const other = await connect(t.tokens.display);
    const dropped = new Promise<string>((resolve) => socket.socket.once('disconnect', (reason) => resolve(reason)));
    const revoked = await t.request('POST', `/api/admin/devices/${kiosk.id}/revoke`, { token: t.tokens.admin });
    expect(revoked.status, revoked.text).toBe(200);
    expect(deviceResponseSchema.parse(revoked.body).device).toMatchObject({ online: false });
    expect(deviceResponseSchema.parse(revoked.body).device.revokedAt).not.toBeNull();
    expect(await dropped).toBe('io server disconnect');
    expect(other.socket.connected).toBe(true);
    expectError(await t.issue('tu-phap', { token: kiosk.token }), 401, 'UNAUTHENTICATED');
    expectError(await t.request('POST', `/api/admin/devices/${kiosk.id}/revoke`, { token: t.tokens.admin }), 409, 'CONFLICT');
    const audit = new AuditLogStore(t.db).list().find((e) => e.action === 'device.revoke' && e.target === `device:${kiosk.id}`);
    expect(audit?.before).toMatchObject({ revokedAt: null });
    expect((audit?.after as { revokedAt: number | null }).revokedAt).toEqual(expect.any(Number));
  });

  it('a screen on the shared client turns to "unauthorized" (pairing) as soon as its device is revoked, not "offline" for good', async () => {
    const board = await pair(t, { role: 'display', name: 'Màn hình bị thu hồi' }, 'counter-display');
    const statuses: ConnectionStatus[] = [];
    const connection = connectHub({ url: t.url, token: board.token, onState: () => {}, onStatus: (status) => statuses.push(status) });
    try {
      await vi.waitFor(() => expect(statuses).toContain('online'), { timeout: 10_000 });
      const revoked = await t.request('POST', `/api/admin/devices/${board.id}/revoke`, { token: t.tokens.admin });
      expect(revoked.status, revoked.text).toBe(200);
      await vi.waitFor(() => expect(statuses.at(-1)).toBe('unauthorized'), { timeout: 10_000 });
      expect(statuses.slice(statuses.indexOf('online'))).toEqual(['online', 'offline', 'unauthorized']);
    } finally {
      connection.close();
    }
  });

  it('sends a command to the target device only and returns its ack', async () => {
    const target = await pair(t, { role: 'kiosk', name: 'Kiosk đích' });
    const bystander = await pair(t, { role: 'kiosk', name: 'Kiosk bên cạnh' });
    const targetSocket = await connect(target.token);
    const bystanderSocket = await connect(bystander.token);
    targetSocket.socket.on('device:command', (event: DeviceCommandEvent) => {
      targetSocket.socket.emit('device:command-ack', { id: event.id, ok: true, message: `done ${event.command}` });
    });
    const response = await t.request('POST', `/api/admin/devices/${target.id}/commands`, { token: t.tokens.admin, json: { command: 'test-print' } });
    expect(response.status, response.text).toBe(200);
    expect(deviceCommandResponseSchema.parse(response.body)).toEqual({ delivered: true, timedOut: false, result: { ok: true, message: 'done test-print' } });
    expect(targetSocket.events.filter((e) => e.name === 'device:command')).toHaveLength(1);
    expect(bystanderSocket.events.filter((e) => e.name === 'device:command')).toHaveLength(0);
    const audit = new AuditLogStore(t.db).list().find((e) => e.action === 'device.command' && e.target === `device:${target.id}`);
    expect(audit?.after).toEqual({ command: 'test-print' });
  });

  it('an ack from another device does not answer the command; without an ack the admin gets timedOut', async () => {
    const target = await pair(t, { role: 'counter', counter: 65, name: 'Quầy 65' }, 'counter-display');
    const forger = await pair(t, { role: 'kiosk', name: 'Kiosk giả' });
    const targetSocket = await connect(target.token);
    const forgerSocket = await connect(forger.token);
    targetSocket.socket.on('device:command', (event: DeviceCommandEvent) => forgerSocket.socket.emit('device:command-ack', { id: event.id, ok: true }));
    const response = await t.request('POST', `/api/admin/devices/${target.id}/commands`, { token: t.tokens.admin, json: { command: 'reload' } });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ delivered: true, timedOut: true, result: null });
  });

  it('a device open twice gets each command once, on its newest socket; then on the older one when the newest is gone', async () => {
    const kiosk = await pair(t, { role: 'kiosk', name: 'Kiosk mở hai cửa sổ' });
    const older = await connect(kiosk.token);
    const newer = await connect(kiosk.token);
    const commandsOf = (socket: TestSocket) => socket.events.filter((e) => e.name === 'device:command').map((e) => (e.payload as DeviceCommandEvent).command);
    const acking = (socket: TestSocket) =>
      socket.socket.on('device:command', (event: DeviceCommandEvent) => socket.socket.emit('device:command-ack', { id: event.id, ok: true, message: `done ${event.command}` }));
    acking(older);
    acking(newer);
    const send = async (command: string) => {
      const response = await t.request('POST', `/api/admin/devices/${kiosk.id}/commands`, { token: t.tokens.admin, json: { command } });
      expect(response.status, response.text).toBe(200);
      return deviceCommandResponseSchema.parse(response.body);
    };

    expect(await send('reprint-last')).toEqual({ delivered: true, timedOut: false, result: { ok: true, message: 'done reprint-last' } });
    expect(commandsOf(newer)).toEqual(['reprint-last']);
    expect(commandsOf(older)).toEqual([]);

    const kioskSockets = async () => ((await t.request('GET', '/api/health')).body as { devicesOnline: Record<string, number> }).devicesOnline.kiosk;
    const before = await kioskSockets();
    newer.close();
    // The hub sees the close a moment later: wait until it counts one kiosk socket less.
    await expect.poll(kioskSockets).toBe(before! - 1);
    expect(await send('test-print')).toEqual({ delivered: true, timedOut: false, result: { ok: true, message: 'done test-print' } });
    expect(commandsOf(older)).toEqual(['test-print']);
    expect(commandsOf(newer)).toEqual(['reprint-last']);
  });

  it('reload and restart reach every page that uses the token (harmless twice); the first answer counts', async () => {
    const board = await pair(t, { role: 'display', name: 'Bảng dùng chung mã' }, 'counter-display');
    const pages = [await connect(board.token), await connect(board.token)];
    for (const page of pages) {
      page.socket.on('device:command', (event: DeviceCommandEvent) => page.socket.emit('device:command-ack', { id: event.id, ok: true }));
    }
    for (const command of ['reload', 'restart-app']) {
      const response = await t.request('POST', `/api/admin/devices/${board.id}/commands`, { token: t.tokens.admin, json: { command } });
      expect(response.status, response.text).toBe(200);
      expect(deviceCommandResponseSchema.parse(response.body)).toMatchObject({ delivered: true, timedOut: false, result: { ok: true } });
    }
    for (const page of pages) {
      await page.waitFor(() => page.events.filter((e) => e.name === 'device:command').length === 2 || null, 'both commands on this page');
      expect(page.events.filter((e) => e.name === 'device:command').map((e) => (e.payload as DeviceCommandEvent).command)).toEqual(['reload', 'restart-app']);
    }
  });

  it('a command whose socket goes away before answering times out and is not re-sent to the older socket', async () => {
    const kiosk = await pair(t, { role: 'kiosk', name: 'Kiosk tải lại' });
    const older = await connect(kiosk.token);
    const newer = await connect(kiosk.token);
    // The newest page takes the command and is closed (a reload) before it answers.
    newer.socket.on('device:command', () => newer.close());
    const response = await t.request('POST', `/api/admin/devices/${kiosk.id}/commands`, { token: t.tokens.admin, json: { command: 'reprint-last' } });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ delivered: true, timedOut: true, result: null });
    expect(newer.events.filter((e) => e.name === 'device:command')).toHaveLength(1);
    expect(older.events.filter((e) => e.name === 'device:command')).toHaveLength(0);
  });

  it('refuses commands to an offline device, printing on a non-kiosk, and revoked or unknown devices (409/404)', async () => {
    const offline = await pair(t, { role: 'kiosk', name: 'Kiosk tắt' });
    expectError(await t.request('POST', `/api/admin/devices/${offline.id}/commands`, { token: t.tokens.admin, json: { command: 'reload' } }), 409, 'CONFLICT');
    const board = await pair(t, { role: 'display', name: 'Bảng' }, 'counter-display');
    const boardSocket = await connect(board.token);
    let received = 0;
    boardSocket.socket.on('device:command', () => (received += 1));
    expectError(await t.request('POST', `/api/admin/devices/${board.id}/commands`, { token: t.tokens.admin, json: { command: 'reprint-last' } }), 409, 'CONFLICT');
    expectError(await t.request('POST', `/api/admin/devices/99999/commands`, { token: t.tokens.admin, json: { command: 'reload' } }), 404, 'NOT_FOUND');
    expectError(await t.request('POST', `/api/admin/devices/${board.id}/commands`, { token: t.tokens.admin, json: { command: 'format-disk' } }), 400, 'VALIDATION');
    await boardSocket.sync();
    expect(received).toBe(0);
  });

  describe('every admin endpoint refuses callers without an admin token', () => {
    const endpoints: { method: string; path: string; json?: unknown }[] = [
      { method: 'POST', path: '/api/admin/pairing', json: { code: '123456', role: 'kiosk', name: 'x' } },
      { method: 'GET', path: '/api/admin/devices' },
      { method: 'PUT', path: '/api/admin/devices/1', json: { name: 'x' } },
      { method: 'POST', path: '/api/admin/devices/1/revoke' },
      { method: 'POST', path: '/api/admin/devices/1/commands', json: { command: 'reload' } },
    ];
    const roles: Exclude<Role, 'admin'>[] = ['kiosk', 'counter', 'display', 'portal'];

    it.each(endpoints)('$method $path', async ({ method, path, json }) => {
      const body = json === undefined ? {} : { json };
      expectError(await t.request(method, path, body), 401, 'UNAUTHENTICATED');
      for (const role of roles) {
        const token = role === 'counter' ? t.tokens.counter[60]! : t.tokens[role];
        const error = expectError(await t.request(method, path, { ...body, token }), 403, 'FORBIDDEN');
        expect(error.error.message).toContain(role);
      }
    });

    it('none of those refusals changed a device', async () => {
      const devices = await fleet(t);
      expect(devices.find((d) => d.id === 1)).toMatchObject({ revokedAt: null, name: 'test kiosk' });
    });
  });
});

describe('pairing codes expire', () => {
  let t: TestHub;
  const clock = new FakeClock(Date.now());
  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter(), clock });
  });
  afterAll(async () => t?.stop());

  it('a code is refused after 10 minutes and the device must ask again', async () => {
    const { pairingId, code } = await askCode(t);
    clock.advance({ ms: PAIRING_TTL_MS });
    expectError(await t.request('POST', '/api/admin/pairing', { token: t.tokens.admin, json: { code, role: 'kiosk', name: 'Quá hạn' } }), 404, 'NOT_FOUND');
    expectError((await poll(t, pairingId)).response, 404, 'NOT_FOUND');
    expect((await fleet(t)).some((d) => d.name === 'Quá hạn')).toBe(false);
  });
});
