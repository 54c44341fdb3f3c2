import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adminConfigResponseSchema, catalogResponseSchema, type AdminConfigResponse, type Catalog } from '@layso/shared';
import { startHub } from '../app/create-hub.js';
import { snapshotQueueTables, withDatabase } from '../testing/db-snapshot.js';
import { FakeClock, vnTime } from '../testing/fake-clock.js';
import { expectError, type HttpResponse } from '../testing/http-client.js';
import { startTestHub, wrapTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';

/** smallCenter: area tang-3 with tu-phap 60, visa 87, y-te 64, ngoai-vu 61 (inactive); counters 60, 87, 64, 65. */
let t: TestHub;
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  expect(t.logs).toEqual([]);
  await t.stop();
});

async function hub(clock?: FakeClock): Promise<TestHub> {
  t = await startTestHub({ config: smallCenter(), ...(clock ? { clock } : {}) });
  return t;
}

function admin(method: string, path: string, json?: unknown): Promise<HttpResponse> {
  return t.request(method, path, { token: t.tokens.admin, ...(json === undefined ? {} : { json }) });
}

function ok(response: HttpResponse, status = 200): AdminConfigResponse {
  expect(response.status, response.text).toBe(status);
  return adminConfigResponseSchema.parse(response.body);
}

async function catalog(): Promise<Catalog> {
  return catalogResponseSchema.parse((await t.request('GET', '/api/catalog')).body);
}

interface AuditRow {
  actor: string;
  action: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
}

function auditRows(): AuditRow[] {
  return withDatabase(t.dataDir, (db) => db.prepare('SELECT actor, action, target, before_json, after_json FROM audit_log ORDER BY id').all() as AuditRow[]);
}

/** Every endpoint of this module with a body that would succeed. */
const ENDPOINTS: { method: string; path: string; json?: unknown }[] = [
  { method: 'GET', path: '/api/admin/config' },
  { method: 'PUT', path: '/api/admin/settings', json: { boardNotice: 'Thông báo' } },
  { method: 'POST', path: '/api/admin/areas', json: { id: 'tang-1', name: 'Tầng 1' } },
  { method: 'PUT', path: '/api/admin/areas/tang-3', json: { name: 'Tầng ba' } },
  { method: 'DELETE', path: '/api/admin/areas/tang-3' },
  { method: 'POST', path: '/api/admin/services', json: { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '90' } },
  { method: 'PUT', path: '/api/admin/services/visa', json: { name: 'Thị thực' } },
  { method: 'DELETE', path: '/api/admin/services/ngoai-vu' },
  { method: 'POST', path: '/api/admin/services/visa/pause' },
  { method: 'POST', path: '/api/admin/services/visa/resume' },
  { method: 'POST', path: '/api/admin/counters', json: { number: 5, areaId: 'tang-3', serviceIds: ['visa'] } },
  { method: 'PUT', path: '/api/admin/counters/87', json: { name: 'Quầy Visa' } },
  { method: 'DELETE', path: '/api/admin/counters/87' },
  { method: 'POST', path: '/api/admin/day/close' },
  { method: 'POST', path: '/api/admin/day/reopen' },
];

describe('admin configuration endpoints: access', () => {
  it('refuse a missing token (401) and kiosk, counter, display and portal tokens (403), changing nothing', async () => {
    await hub();
    const before = snapshotQueueTables(t.dataDir);
    for (const endpoint of ENDPOINTS) {
      const options = endpoint.json === undefined ? {} : { json: endpoint.json };
      expectError(await t.request(endpoint.method, endpoint.path, options), 401, 'UNAUTHENTICATED');
      for (const token of [t.tokens.kiosk, t.tokens.counter[60]!, t.tokens.display, t.tokens.portal]) {
        expectError(await t.request(endpoint.method, endpoint.path, { ...options, token }), 403, 'FORBIDDEN');
      }
    }
    expect(snapshotQueueTables(t.dataDir)).toEqual(before);
    expect(auditRows()).toEqual([]);
  });

  it('GET /api/admin/config answers the stored config and today\'s state', async () => {
    await hub();
    const body = ok(await admin('GET', '/api/admin/config'));
    expect(body.config).toEqual(smallCenter());
    expect(body.dayState).toEqual({ day: t.core.currentDay, open: true, closedEarly: false });
  });
});

describe('bad input → 4xx with nothing written', () => {
  // `reason`: what the console words the refusal from (every 404/409 has one).
  const BAD: { method: string; path: string; json?: unknown; status: number; code: string; says: string; reason?: unknown }[] = [
    { method: 'PUT', path: '/api/admin/settings', json: { timeZone: 'Mars/Olympus' }, status: 400, code: 'VALIDATION', says: 'unknown IANA time zone' },
    { method: 'PUT', path: '/api/admin/settings', json: { announcement: { volume: 101 } }, status: 400, code: 'VALIDATION', says: 'announcement.volume' },
    { method: 'PUT', path: '/api/admin/settings', json: { surprise: 1 }, status: 400, code: 'VALIDATION', says: 'surprise' },
    { method: 'POST', path: '/api/admin/areas', json: { id: 'Tầng 1', name: 'x' }, status: 400, code: 'VALIDATION', says: 'id' },
    { method: 'POST', path: '/api/admin/areas', json: { id: 'tang-3', name: 'again' }, status: 409, code: 'CONFLICT', says: 'area "tang-3" already exists', reason: { kind: 'area-exists', areaId: 'tang-3' } },
    { method: 'PUT', path: '/api/admin/areas/tang-9', json: { name: 'x' }, status: 404, code: 'NOT_FOUND', says: 'unknown area "tang-9"', reason: { kind: 'area-unknown', areaId: 'tang-9' } },
    { method: 'POST', path: '/api/admin/services', json: { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '87' }, status: 409, code: 'CONFLICT', says: 'prefix 87 is already used by service "visa"', reason: { kind: 'prefix-taken', prefix: '87', serviceId: 'visa', serviceName: 'Visa' } },
    { method: 'POST', path: '/api/admin/services', json: { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '9' }, status: 400, code: 'VALIDATION', says: 'prefix' },
    { method: 'PUT', path: '/api/admin/services/y-te', json: { onlineQuota: 4 }, status: 400, code: 'VALIDATION', says: 'online quota 4 is more than the daily limit 3' },
    { method: 'PUT', path: '/api/admin/services/visa', json: { prefix: '60' }, status: 409, code: 'CONFLICT', says: 'prefix 60 is already used by service "tu-phap"', reason: { kind: 'prefix-taken', prefix: '60', serviceId: 'tu-phap', serviceName: 'Tư pháp' } },
    { method: 'DELETE', path: '/api/admin/services/visa', status: 409, code: 'CONFLICT', says: 'a counter must serve at least one service', reason: { kind: 'counters-left-without-service', counters: [87] } },
    { method: 'POST', path: '/api/admin/services/khong-co/pause', status: 404, code: 'NOT_FOUND', says: 'unknown service "khong-co"', reason: { kind: 'service-unknown', serviceId: 'khong-co' } },
    { method: 'POST', path: '/api/admin/counters', json: { number: 5, areaId: 'tang-3', serviceIds: [] }, status: 400, code: 'VALIDATION', says: 'a counter must serve at least one service' },
    { method: 'POST', path: '/api/admin/counters', json: { number: 5, areaId: 'tang-3', serviceIds: ['khong-co'] }, status: 400, code: 'VALIDATION', says: 'unknown service "khong-co"' },
    { method: 'PUT', path: '/api/admin/counters/060', json: { name: 'x' }, status: 400, code: 'VALIDATION', says: 'counter number' },
    { method: 'PUT', path: '/api/admin/counters/87', json: { number: 60 }, status: 409, code: 'CONFLICT', says: 'counter 60 already exists', reason: { kind: 'counter-exists', counter: 60 } },
    { method: 'POST', path: '/api/admin/day/close', json: { now: true }, status: 400, code: 'VALIDATION', says: 'no request body' },
  ];

  it.each(BAD)('$method $path $json → $status', async ({ method, path, json, status, code, says, reason }) => {
    await hub();
    const before = snapshotQueueTables(t.dataDir);
    const error = expectError(await admin(method, path, json), status, code as never);
    expect([error.error.message, ...(Array.isArray(error.error.details) ? error.error.details : []).map((d) => `${d.path}: ${d.message}`)].join('\n')).toContain(says);
    if (status === 404 || status === 409) expect(error.error.reason).toEqual(reason);
    expect(snapshotQueueTables(t.dataDir)).toEqual(before);
    expect(auditRows()).toEqual([]);
  });
});

describe('changes reach kiosks live', () => {
  it('a new service: the kiosk socket gets catalog:changed, a fresh catalog lists it and it issues at once', async () => {
    await hub();
    const kiosk = await TestSocket.connect(t.url, t.tokens.kiosk);
    sockets.push(kiosk);
    const mark = kiosk.mark();
    const created = ok(await admin('POST', '/api/admin/services', { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '90', onlineQuota: 10 }), 201);
    expect(created.config.areas[0]!.services.at(-1)).toMatchObject({ id: 'thue', prefix: '90', onlineQuota: 10 });
    await kiosk.waitForEvent('catalog:changed', () => true, mark);
    expect((await catalog()).areas[0]!.services.map((s) => s.id)).toContain('thue');
    const issued = await t.issue('thue');
    expect(issued.status, issued.text).toBe(201);
    expect((issued.body as { number: string }).number).toBe('90001');
  });

  it('settings: the board notice and announcement defaults appear in the catalog, null removes the notice', async () => {
    await hub();
    ok(await admin('PUT', '/api/admin/settings', { boardNotice: 'Chiều thứ Sáu nghỉ họp', announcement: { volume: 70, repeat: 2 } }));
    const withNotice = await catalog();
    expect(withNotice.boardNotice).toBe('Chiều thứ Sáu nghỉ họp');
    expect(withNotice.announcement).toEqual({ volume: 70, repeat: 2 });
    ok(await admin('PUT', '/api/admin/settings', { boardNotice: null }));
    expect((await catalog()).boardNotice).toBeUndefined();
  });
});

describe('numbering across a prefix change', () => {
  it('keeps today\'s numbers and continues a reused prefix without a duplicate', async () => {
    await hub();
    for (let i = 0; i < 2; i++) expect((await t.issue('tu-phap')).status).toBe(201);
    ok(await admin('PUT', '/api/admin/services/tu-phap', { prefix: '62' }));
    expect((await t.issue('tu-phap')).body).toMatchObject({ number: '62001', serviceId: 'tu-phap' });
    // The old numbers are still there, still waiting, and still called in order.
    const called = await t.counterCommand(60, 'next');
    expect((called.body as { ticket: { number: string } }).ticket.number).toBe('60001');
    // Prefix 60 is free again: visa takes it later the same day and continues at 003.
    ok(await admin('PUT', '/api/admin/services/visa', { prefix: '60' }));
    expect((await t.issue('visa')).body).toMatchObject({ number: '60003', serviceId: 'visa' });
    const numbers = withDatabase(t.dataDir, (db) => db.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]);
    expect(numbers.map((r) => r.number)).toEqual(['60001', '60002', '62001', '60003']);
  });
});

describe('refusals that protect today\'s queue', () => {
  it('a service or area with waiting tickets, a counter serving a ticket', async () => {
    await hub();
    ok(await admin('POST', '/api/admin/areas', { id: 'tang-1', name: 'Tầng 1' }), 201);
    ok(await admin('POST', '/api/admin/services', { areaId: 'tang-1', id: 'thue', name: 'Thuế', prefix: '90' }), 201);
    expect((await t.issue('thue')).status).toBe(201);
    expect((await t.issue('tu-phap')).status).toBe(201);
    expect((await t.counterCommand(60, 'next')).status).toBe(200);
    const before = snapshotQueueTables(t.dataDir);
    const audits = auditRows().length;

    const service = expectError(await admin('DELETE', '/api/admin/services/thue'), 409, 'CONFLICT');
    expect(service.error.message).toContain('service "thue" still has 1 unfinished ticket(s) today; pause or deactivate it instead of deleting');
    expect(expectError(await admin('DELETE', '/api/admin/areas/tang-1'), 409, 'CONFLICT').error.message).toContain('service "thue" still has 1');
    expect(expectError(await admin('DELETE', '/api/admin/counters/60'), 409, 'CONFLICT').error.message).toContain('counter 60 is serving 60001');
    expect(expectError(await admin('PUT', '/api/admin/counters/60', { number: 61 }), 409, 'CONFLICT').error.message).toContain('before renumbering');
    expect(snapshotQueueTables(t.dataDir)).toEqual(before);
    expect(auditRows()).toHaveLength(audits);

    // Once served, the counter can go.
    expect((await t.counterCommand(60, 'done')).status).toBe(200);
    ok(await admin('PUT', '/api/admin/counters/60', { number: 61 }));
    expect((await catalog()).counters.map((c) => c.number)).toEqual([61, 87, 64, 65]);
  });
});

describe('operations', () => {
  it('pausing a service refuses new tickets and bookings but still calls the waiting ones', async () => {
    await hub();
    expect((await t.issue('visa')).status).toBe(201);
    const kiosk = await TestSocket.connect(t.url, t.tokens.kiosk);
    sockets.push(kiosk);
    const mark = kiosk.mark();
    ok(await admin('POST', '/api/admin/services/visa/pause'));
    await kiosk.waitForEvent('catalog:changed', () => true, mark);
    // Pausing again changes nothing: no second audit entry (checked at the end).
    ok(await admin('POST', '/api/admin/services/visa/pause'));
    expect((await catalog()).areas[0]!.services.find((s) => s.id === 'visa')).toMatchObject({ paused: true, active: true });
    const refused = expectError(await t.issue('visa'), 409, 'SERVICE_PAUSED');
    expect(refused.error.message).toContain('paused');
    expect(() => t.bookings.book({ bookingRef: 'ref-visa-1', serviceId: 'visa', contact: {} })).toThrow(/paused/);
    expect(((await t.counterCommand(87, 'next')).body as { ticket: { number: string } }).ticket.number).toBe('87001');
    expect((await t.issue('tu-phap')).status).toBe(201);
    ok(await admin('POST', '/api/admin/services/visa/resume'));
    expect((await catalog()).areas[0]!.services.find((s) => s.id === 'visa')!.paused).toBe(false);
    expect((await t.issue('visa')).body).toMatchObject({ number: '87002' });
    expect(auditRows().map((r) => [r.action, r.target, r.before_json, r.after_json])).toEqual([
      ['service.pause', 'service:visa', '{"paused":false}', '{"paused":true}'],
      ['service.resume', 'service:visa', '{"paused":true}', '{"paused":false}'],
    ]);
  });

  it('closing the day early: no new tickets, bookings or check-ins; waiting ones are served; reopen undoes it', async () => {
    await hub();
    expect((await t.issue('tu-phap')).status).toBe(201);
    const booked = t.bookings.book({ bookingRef: 'ref-tp-1', serviceId: 'tu-phap', contact: {} });
    t.publish(booked.events);
    const closed = ok(await admin('POST', '/api/admin/day/close'));
    expect(closed.dayState).toMatchObject({ open: false, closedEarly: true });
    expect(await catalog()).toMatchObject({ open: false, closedEarly: true });
    expectError(await t.issue('tu-phap'), 409, 'CLOSED');
    expect(() => t.bookings.book({ bookingRef: 'ref-tp-2', serviceId: 'tu-phap', contact: {} })).toThrow('the center closed early today');
    expectError(await t.request('POST', '/api/tickets/checkin', { token: t.tokens.kiosk, json: { number: booked.value.number, bookingCode: 'ref-tp-1' } }), 409, 'CLOSED');
    expect(((await t.counterCommand(60, 'next')).body as { ticket: { number: string } }).ticket.number).toBe('60001');
    expect((await t.counterCommand(60, 'done')).status).toBe(200);
    // Closing twice is one audit entry.
    ok(await admin('POST', '/api/admin/day/close'));
    const reopened = ok(await admin('POST', '/api/admin/day/reopen'));
    expect(reopened.dayState).toMatchObject({ open: true, closedEarly: false });
    expect((await t.issue('tu-phap')).status).toBe(201);
    const rows = auditRows();
    expect(rows.map((r) => r.action)).toEqual(['day.close', 'day.reopen']);
    expect(rows[0]!.actor).toMatch(/^device:\d+ test admin$/);
  });

  it('the online quota refuses the (quota+1)th booking of the day; walk-in tickets are unaffected', async () => {
    await hub();
    ok(await admin('PUT', '/api/admin/services/tu-phap', { onlineQuota: 2 }));
    t.bookings.book({ bookingRef: 'ref-q-1', serviceId: 'tu-phap', contact: {} });
    const second = t.bookings.book({ bookingRef: 'ref-q-2', serviceId: 'tu-phap', contact: {} });
    expect(() => t.bookings.book({ bookingRef: 'ref-q-3', serviceId: 'tu-phap', contact: {} })).toThrow(/taken all its online bookings for today/);
    expect(t.bookings.catalog().areas[0]!.services.find((s) => s.id === 'tu-phap')!.acceptingBookings).toBe(false);
    // A cancelled booking gives its place back; walk-ins never count.
    t.bookings.cancel(second.value.bookingRef);
    for (let i = 0; i < 3; i++) expect((await t.issue('tu-phap')).status).toBe(201);
    expect(t.bookings.book({ bookingRef: 'ref-q-4', serviceId: 'tu-phap', contact: {} }).value.number).toBe('60006');
  });
});

describe('persistence', () => {
  it('a restart keeps the early close, the pause and other changes; the next day opens normally', async () => {
    const clock = new FakeClock(vnTime('2026-11-23 09:00'));
    await hub(clock);
    ok(await admin('POST', '/api/admin/services/visa/pause'));
    ok(await admin('PUT', '/api/admin/settings', { boardNotice: 'Bảo trì' }));
    ok(await admin('POST', '/api/admin/day/close'));
    const dataDir = t.dataDir;
    await t.close();
    // Started again without a config: the stored one (with the admin's changes) is used.
    const again = await startHub({ dataDir, port: 0, host: '127.0.0.1', clock, log: (m) => t.logs.push(m), webRoots: { kiosk: join(dataDir, 'no-kiosk'), counterDisplay: join(dataDir, 'no-display') } });
    t = wrapTestHub(again, dataDir, t.logs, t.tokens);
    const after = await catalog();
    expect(after).toMatchObject({ open: false, closedEarly: true, boardNotice: 'Bảo trì' });
    expect(after.areas[0]!.services.find((s) => s.id === 'visa')!.paused).toBe(true);
    clock.set(vnTime('2026-11-24 08:00'));
    again.publish(again.core.tick().events);
    const nextDay = await catalog();
    expect(nextDay).toMatchObject({ day: '2026-11-24', open: true, closedEarly: false });
    // The pause is an admin's decision, not the day's: it stays until resumed.
    expect(nextDay.areas[0]!.services.find((s) => s.id === 'visa')!.paused).toBe(true);
  });
});

describe('audit log', () => {
  it('records who, what, when and the entity before and after, for each change', async () => {
    await hub();
    const started = Date.now();
    ok(await admin('POST', '/api/admin/services', { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '90' }), 201);
    ok(await admin('PUT', '/api/admin/services/thue', { dailyLimit: 50 }));
    ok(await admin('POST', '/api/admin/counters', { number: 90, areaId: 'tang-3', serviceIds: ['thue'] }), 201);
    ok(await admin('PUT', '/api/admin/settings', { name: 'Trung tâm mới' }));
    const rows = withDatabase(t.dataDir, (db) => db.prepare('SELECT at, actor, action, target, before_json, after_json FROM audit_log ORDER BY id').all() as (AuditRow & { at: number })[]);
    expect(rows.map((r) => [r.action, r.target])).toEqual([
      ['service.create', 'service:thue'],
      ['service.update', 'service:thue'],
      ['counter.create', 'counter:90'],
      ['settings.update', 'center'],
    ]);
    for (const row of rows) {
      expect(row.actor).toMatch(/^device:\d+ test admin$/);
      expect(row.at).toBeGreaterThanOrEqual(started - 1000);
    }
    expect(JSON.parse(rows[1]!.before_json!)).toMatchObject({ areaId: 'tang-3', id: 'thue', dailyLimit: 999 });
    expect(JSON.parse(rows[1]!.after_json!)).toMatchObject({ areaId: 'tang-3', id: 'thue', dailyLimit: 50 });
    expect(JSON.parse(rows[3]!.before_json!)).toEqual({ name: 'Trung tâm thử nghiệm' });
    expect(JSON.parse(rows[3]!.after_json!)).toEqual({ name: 'Trung tâm mới' });
  });
});
