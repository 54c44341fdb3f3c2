import { readFileSync } from 'node:fs';
import {
  catalogResponseSchema,
  counterActionResponseSchema,
  counterQueueResponseSchema,
  healthResponseSchema,
  issuedTicketSchema,
  PROTOCOL_VERSION,
  publicTicketStatusSchema,
  SERVER_EVENTS,
  serviceDay,
  type CounterTicket,
  type IssuedTicket,
  type ServerEventName,
} from '@layso/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCallCounts, readTickets } from '../testing/db-snapshot.js';
import { expectError, type HttpResponse } from '../testing/http-client.js';
import { newRequestId, startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { connectRefused, expectGapFreeStream, TestSocket, type ReceivedEvent } from '../testing/socket-client.js';
import { smallCenter } from '../testing/integration-centers.js';

const HUB_PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let t: TestHub;
const sockets: TestSocket[] = [];

async function connect(token?: string): Promise<TestSocket> {
  const socket = await TestSocket.connect(t.url, token);
  sockets.push(socket);
  return socket;
}

function issued(response: HttpResponse): IssuedTicket {
  expect(response.status, response.text).toBe(201);
  return issuedTicketSchema.parse(response.body);
}

function acted(response: HttpResponse): CounterTicket | null {
  expect(response.status, response.text).toBe(200);
  return counterActionResponseSchema.parse(response.body).ticket;
}

/** Every event after `mark` except snapshots, each validated against its contract schema. */
function eventsSince(socket: TestSocket, mark: number): ReceivedEvent[] {
  const events = socket.since(mark).filter((e) => e.name !== 'state');
  for (const event of events) SERVER_EVENTS[event.name as ServerEventName].parse(event.payload);
  return events;
}

const names = (events: ReceivedEvent[]) => events.map((e) => e.name).sort();
const payloadOf = (events: ReceivedEvent[], name: string) => events.find((e) => e.name === name)?.payload;

async function catalog() {
  const response = await t.request('GET', '/api/catalog');
  expect(response.status).toBe(200);
  return catalogResponseSchema.parse(response.body);
}

async function counterQueue(counter: number) {
  const response = await t.request('GET', `/api/counters/${counter}/queue`, { token: t.tokens.counter[counter] });
  expect(response.status, response.text).toBe(200);
  return counterQueueResponseSchema.parse(response.body);
}

describe('REST commands end to end', () => {
  beforeEach(async () => {
    t = await startTestHub({ config: smallCenter() });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    // A hub log line means some request hit an unexpected fault (a 500).
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  it('GET /api/health reports ok, the service day and the hub version', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.status).toBe(200);
    const health = healthResponseSchema.parse(response.body);
    expect(health).toEqual({ ok: true, day: serviceDay(Date.now(), 'Asia/Ho_Chi_Minh'), version: HUB_PACKAGE_VERSION, protocolVersion: PROTOCOL_VERSION });
  });

  it('GET /api/device tells a token which role and counter it belongs to', async () => {
    const counter = t.createToken('counter', 60).token;
    expect((await t.request('GET', '/api/device', { token: counter })).body).toEqual({ role: 'counter', counter: 60, name: 'test counter60' });
    expect((await t.request('GET', '/api/device', { token: t.tokens.display })).body).toMatchObject({ role: 'display', counter: null });
    expect((await t.request('GET', '/api/device')).status).toBe(401);
  });

  it('records what a kiosk printed and its printer state, for its own tickets only', async () => {
    const issued = await t.issue('tu-phap');
    const { day, number } = issued.body as { day: string; number: string };
    const path = `/api/tickets/${day}/${number}/print-result`;
    expect((await t.request('POST', path, { token: t.tokens.kiosk, json: { ok: false, code: 'PAPER_OUT' } })).body).toEqual({ recorded: true });
    const other = t.createToken('kiosk').token;
    expectError(await t.request('POST', path, { token: other, json: { ok: true } }), 403, 'FORBIDDEN');
    expectError(await t.request('POST', path, { token: t.tokens.display, json: { ok: true } }), 403, 'FORBIDDEN');
    expectError(await t.request('POST', path, { token: t.tokens.kiosk, json: { ok: false } }), 400, 'VALIDATION');
    expectError(await t.request('POST', `/api/tickets/${day}/60999/print-result`, { token: t.tokens.kiosk, json: { ok: true } }), 404, 'NOT_FOUND');
    const events = t.db.prepare("SELECT kind FROM ticket_events WHERE kind LIKE 'print%'").all();
    expect(events).toEqual([{ kind: 'print-failed' }]);

    const status = { printer: { state: 'not-ready', code: 'COVER_OPEN', message: 'cover open' } };
    expect((await t.request('PUT', '/api/devices/me/status', { token: t.tokens.kiosk, json: status })).status).toBe(200);
    const device = t.devices.authenticate(t.tokens.kiosk)!;
    expect(t.devices.status(device.id)?.status).toEqual(status);
    expectError(await t.request('PUT', '/api/devices/me/status', { token: t.tokens.kiosk, json: { printer: { state: 'on-fire' } } }), 400, 'VALIDATION');
    expectError(await t.request('PUT', '/api/devices/me/status', { json: status }), 401, 'UNAUTHENTICATED');
  });

  it('GET /api/catalog lists areas, services with their live queue status, and counters', async () => {
    const before = await catalog();
    expect(before.center.name).toBe('Trung tâm thử nghiệm');
    expect(before.open).toBe(true);
    const services = before.areas.flatMap((a) => a.services);
    expect(services.map((s) => [s.id, s.prefix, s.active])).toEqual([
      ['tu-phap', '60', true],
      ['visa', '87', true],
      ['y-te', '64', true],
      ['ngoai-vu', '61', false],
    ]);
    expect(services.every((s) => s.current === null && s.waiting === 0 && s.estWaitMin === 0)).toBe(true);
    expect(before.counters.map((c) => [c.number, c.serviceIds, c.status, c.current])).toEqual([
      [60, ['tu-phap'], 'open', null],
      [87, ['visa'], 'open', null],
      [64, ['y-te'], 'open', null],
      [65, ['y-te', 'tu-phap'], 'open', null],
    ]);

    issued(await t.issue('tu-phap'));
    issued(await t.issue('tu-phap'));
    acted(await t.counterCommand(60, 'next'));
    const after = await catalog();
    const tuPhap = after.areas[0]!.services.find((s) => s.id === 'tu-phap')!;
    expect(tuPhap).toMatchObject({ current: '60001', waiting: 1 });
    expect(tuPhap.estWaitMin).toBeGreaterThan(0);
    expect(after.counters.find((c) => c.number === 60)).toMatchObject({ status: 'open', current: '60001' });
  });

  it('POST /api/tickets issues 201s in sequence per prefix and answers a repeated requestId with the same ticket', async () => {
    const { day } = healthResponseSchema.parse((await t.request('GET', '/api/health')).body);
    const requestId = newRequestId('first');
    const first = issued(await t.issue('tu-phap', { requestId }));
    expect(first).toMatchObject({ number: '60001', serviceId: 'tu-phap', day, priority: null, ahead: 0, estWaitMin: 0 });
    const second = issued(await t.issue('tu-phap'));
    // Counters 60 and 65 both serve Tư pháp and are free: the second citizen is called at once too.
    expect(second).toMatchObject({ number: '60002', ahead: 1, estWaitMin: 0 });
    expect(issued(await t.issue('visa')).number).toBe('87001');

    // A kiosk retrying after a lost answer gets its ticket back, not a second one.
    const retry = issued(await t.issue('tu-phap', { requestId }));
    expect(retry).toMatchObject({ id: first.id, number: '60001', issuedAt: first.issuedAt });
    expect(readTickets(t.dataDir)).toHaveLength(3);

    expectError(await t.issue('visa', { requestId }), 409, 'CONFLICT');

    // requestIds are scoped to the device: another kiosk's identical id is a new ticket.
    const otherKiosk = t.createToken('kiosk').token;
    expect(issued(await t.issue('tu-phap', { requestId, token: otherKiosk })).number).toBe('60003');
    // An admin may hand out a ticket too.
    expect(issued(await t.issue('tu-phap', { token: t.tokens.admin })).number).toBe('60004');
    expect(readTickets(t.dataDir)).toHaveLength(5);
  });

  it('POST /api/tickets with a priority category puts the ticket in front', async () => {
    issued(await t.issue('tu-phap'));
    const priority = issued(await t.issue('tu-phap', { priority: 'nguoi-cao-tuoi' }));
    expect(priority).toMatchObject({ number: '60002', priority: 'nguoi-cao-tuoi', ahead: 0 });
    expect(acted(await t.counterCommand(60, 'next'))).toMatchObject({ number: '60002', priority: 'nguoi-cao-tuoi' });
    expectError(await t.issue('tu-phap', { priority: 'vip' }), 400, 'VALIDATION');
  });

  it('POST /api/tickets refuses unknown (404), inactive (CLOSED) and full (QUEUE_FULL) services', async () => {
    expectError(await t.issue('khong-co'), 404, 'NOT_FOUND');
    expectError(await t.issue('ngoai-vu'), 409, 'CLOSED');
    for (const number of ['64001', '64002', '64003']) expect(issued(await t.issue('y-te')).number).toBe(number);
    expectError(await t.issue('y-te'), 409, 'QUEUE_FULL');
    expect((await catalog()).areas[0]!.services.find((s) => s.id === 'y-te')!.full).toBe(true);
    expect(readTickets(t.dataDir)).toHaveLength(3);
  });

  it('GET /api/tickets/:day/:number gives the public status and nothing personal', async () => {
    const first = issued(await t.issue('tu-phap'));
    const requestId = newRequestId('private');
    const second = issued(await t.issue('tu-phap', { requestId }));

    const waiting = await t.request('GET', `/api/tickets/${second.day}/${second.number}`);
    expect(waiting.status).toBe(200);
    const status = publicTicketStatusSchema.parse(waiting.body);
    expect(status).toMatchObject({ number: '60002', day: second.day, serviceId: 'tu-phap', status: 'waiting', ahead: 1, current: null, counter: null });
    // Exactly the public fields: no ticket id, device, requestId, clerk or contact.
    expect(Object.keys(waiting.body as object).sort()).toEqual(['ahead', 'counter', 'current', 'day', 'estWaitMin', 'number', 'serviceId', 'status']);
    expect(waiting.text).not.toContain(requestId);

    acted(await t.counterCommand(60, 'next', { clerk: 'Nguyễn Văn A' }));
    const called = await t.request('GET', `/api/tickets/${first.day}/${first.number}`);
    expect(called.body).toMatchObject({ status: 'called', counter: 60, current: '60001', ahead: 0 });
    expect(called.text).not.toContain('Nguyễn');
    expect((await t.request('GET', `/api/tickets/${second.day}/${second.number}`)).body).toMatchObject({ ahead: 0, current: '60001' });

    expectError(await t.request('GET', `/api/tickets/${first.day}/60099`), 404, 'NOT_FOUND');
  });

  it('counter commands: next, recall, done, skip, transfer, pause, resume and the counter queue', async () => {
    const visaFirst = issued(await t.issue('visa'));
    for (let i = 0; i < 4; i++) issued(await t.issue('tu-phap'));
    const queue = await counterQueue(60);
    expect(queue.serving).toBeNull();
    expect(queue.waiting.map((w) => w.number)).toEqual(['60001', '60002', '60003', '60004']);
    expect(queue.counter).toMatchObject({ number: 60, status: 'open', current: null });

    const called = acted(await t.counterCommand(60, 'next'));
    expect(called).toMatchObject({ number: '60001', status: 'called', counter: 60, recalls: 0 });
    expect(called!.calledAt).not.toBeNull();
    expect(acted(await t.counterCommand(60, 'recall'))).toMatchObject({ number: '60001', recalls: 1 });
    expect(acted(await t.counterCommand(60, 'done'))).toMatchObject({ number: '60001', status: 'done' });
    expectError(await t.counterCommand(60, 'done'), 409, 'CONFLICT');
    expectError(await t.counterCommand(60, 'recall'), 409, 'CONFLICT');

    expect(acted(await t.counterCommand(60, 'next'))).toMatchObject({ number: '60002' });
    expect(acted(await t.counterCommand(60, 'skip'))).toMatchObject({ number: '60002', status: 'skipped' });

    // Transfer: the ticket keeps its number and goes to the head of the other queue.
    expect(acted(await t.counterCommand(60, 'next'))).toMatchObject({ number: '60003' });
    expectError(await t.counterCommand(60, 'transfer', { toServiceId: 'tu-phap' }), 409, 'CONFLICT');
    expectError(await t.counterCommand(60, 'transfer', { toServiceId: 'khong-co' }), 404, 'NOT_FOUND');
    const moved = acted(await t.counterCommand(60, 'transfer', { toServiceId: 'visa' }));
    expect(moved).toMatchObject({ number: '60003', status: 'waiting', serviceId: 'visa', transferredFrom: 'tu-phap', counter: null });
    expectError(await t.counterCommand(60, 'transfer', { toServiceId: 'visa' }), 409, 'CONFLICT');
    expect((await counterQueue(87)).waiting.map((w) => w.number)).toEqual(['60003', visaFirst.number]);
    expect(acted(await t.counterCommand(87, 'next'))).toMatchObject({ number: '60003', serviceId: 'visa', counter: 87 });

    // Pause completes the ticket being served; a paused counter calls nobody.
    expect(acted(await t.counterCommand(60, 'next'))).toMatchObject({ number: '60004' });
    expect(acted(await t.counterCommand(60, 'pause'))).toMatchObject({ number: '60004', status: 'done' });
    expect((await counterQueue(60)).counter).toMatchObject({ status: 'paused', current: null });
    expect(acted(await t.counterCommand(60, 'pause'))).toBeNull();
    expectError(await t.counterCommand(60, 'next'), 409, 'CONFLICT');
    expect(acted(await t.counterCommand(60, 'resume'))).toBeNull();
    expect(acted(await t.counterCommand(60, 'resume'))).toBeNull();
    expect(acted(await t.counterCommand(60, 'next'))).toBeNull();

    const after = await counterQueue(60);
    expect(after).toMatchObject({ serving: null, waiting: [], servedToday: 2 });
    expect(after.counter).toMatchObject({ status: 'open', current: null });
    const statuses = Object.fromEntries(readTickets(t.dataDir).map((r) => [r.number, r.status]));
    expect(statuses).toEqual({ '87001': 'waiting', '60001': 'done', '60002': 'skipped', '60003': 'called', '60004': 'done' });
  });

  it('a counter serving two queues calls the oldest ticket across them', async () => {
    issued(await t.issue('y-te'));
    issued(await t.issue('tu-phap'));
    issued(await t.issue('y-te'));
    const order = [];
    for (let i = 0; i < 3; i++) order.push(acted(await t.counterCommand(65, 'next'))!.number);
    expect(order).toEqual(['64001', '60001', '64002']);
  });

  it('a retried next with the same requestId calls one ticket, once', async () => {
    issued(await t.issue('tu-phap'));
    issued(await t.issue('tu-phap'));
    const requestId = newRequestId('next');
    const first = acted(await t.counterCommand(60, 'next', { requestId }));
    const again = acted(await t.counterCommand(60, 'next', { requestId }));
    expect(again).toEqual(first);
    expect((await counterQueue(60)).waiting.map((w) => w.number)).toEqual(['60002']);
    expect([...readCallCounts(t.dataDir).values()]).toEqual([1]);
  });

  it('each command pushes its ticket:called / queue:changed / counter:changed events, seq +1 per event', async () => {
    const display = await connect(t.tokens.display);
    const initial = display.initialState;
    expect(initial.catalog.counters.map((c) => c.number)).toEqual([60, 87, 64, 65]);
    expect(initial.recentCalls).toEqual([]);

    /** Runs a command, then syncs so that every event it caused has arrived. */
    const step = async (command: () => Promise<HttpResponse>) => {
      const mark = display.mark();
      const response = await command();
      expect(response.status, response.text).toBeLessThan(300);
      await display.sync();
      return eventsSince(display, mark);
    };

    let events = await step(() => t.issue('tu-phap'));
    expect(names(events)).toEqual(['queue:changed']);
    expect(events[0]!.payload).toMatchObject({ serviceId: 'tu-phap', current: null, waiting: 1, full: false });
    await step(() => t.issue('tu-phap'));

    events = await step(() => t.counterCommand(60, 'next'));
    expect(names(events)).toEqual(['counter:changed', 'queue:changed', 'ticket:called']);
    expect(payloadOf(events, 'ticket:called')).toMatchObject({ number: '60001', counter: 60, serviceId: 'tu-phap', areaId: 'tang-3', recall: false });
    expect(payloadOf(events, 'counter:changed')).toMatchObject({ counter: 60, status: 'open', current: '60001' });
    expect(payloadOf(events, 'queue:changed')).toMatchObject({ serviceId: 'tu-phap', current: '60001', waiting: 1 });

    events = await step(() => t.counterCommand(60, 'recall'));
    expect(names(events)).toEqual(['ticket:called']);
    expect(events[0]!.payload).toMatchObject({ number: '60001', counter: 60, recall: true });

    events = await step(() => t.counterCommand(60, 'done'));
    expect(names(events)).toEqual(['counter:changed', 'queue:changed']);
    expect(payloadOf(events, 'counter:changed')).toMatchObject({ counter: 60, current: null });

    await step(() => t.counterCommand(60, 'next'));
    events = await step(() => t.counterCommand(60, 'skip'));
    expect(names(events)).toEqual(['counter:changed', 'queue:changed']);

    events = await step(() => t.counterCommand(60, 'pause'));
    expect(names(events)).toEqual(['counter:changed', 'queue:changed']);
    expect(payloadOf(events, 'counter:changed')).toMatchObject({ counter: 60, status: 'paused' });
    events = await step(() => t.counterCommand(60, 'resume'));
    expect(payloadOf(events, 'counter:changed')).toMatchObject({ counter: 60, status: 'open' });

    await step(() => t.issue('tu-phap'));
    await step(() => t.counterCommand(60, 'next'));
    events = await step(() => t.counterCommand(60, 'transfer', { toServiceId: 'visa' }));
    expect(names(events)).toEqual(['counter:changed', 'queue:changed', 'queue:changed']);
    expect(events.filter((e) => e.name === 'queue:changed').map((e) => (e.payload as { serviceId: string }).serviceId).sort()).toEqual(['tu-phap', 'visa']);

    // A refused command publishes nothing.
    const mark = display.mark();
    expectError(await t.counterCommand(60, 'done'), 409, 'CONFLICT');
    await display.sync();
    expect(eventsSince(display, mark)).toEqual([]);

    const last = expectGapFreeStream(display.events);
    expect(last).toBeGreaterThan(initial.seq + 10);
  });

  it('state:request answers with a fresh snapshot whose seq is the last event seq', async () => {
    const display = await connect(t.tokens.display);
    issued(await t.issue('tu-phap'));
    acted(await t.counterCommand(60, 'next'));
    const snapshot = await display.sync();
    const lastEvent = display.events.filter((e) => e.name !== 'state').at(-1)!;
    expect(snapshot.seq).toBe((lastEvent.payload as { seq: number }).seq);
    expect(snapshot.bootId).toBe(display.initialState.bootId);
    expect(snapshot.catalog.counters.find((c) => c.number === 60)!.current).toBe('60001');
    expect(snapshot.catalog.areas[0]!.services.find((s) => s.id === 'tu-phap')).toMatchObject({ current: '60001', waiting: 0 });
    expect(snapshot.recentCalls).toMatchObject([{ number: '60001', counter: 60, recall: false }]);

    // A socket connecting now starts from that same point of the stream.
    const late = await connect(t.tokens.display);
    expect(late.initialState.seq).toBe(snapshot.seq);
    expect(late.initialState.recentCalls).toEqual(snapshot.recentCalls);
  });

  it('commands run while no screen is connected leave no gap for the first screen to connect after them', async () => {
    // Nobody listens: the hub skips building these messages altogether.
    issued(await t.issue('tu-phap'));
    issued(await t.issue('tu-phap'));
    acted(await t.counterCommand(60, 'next'));
    const display = await connect(t.tokens.display);
    // Nothing was sent to the display audience, so nothing was counted in its stream.
    expect(display.initialState.seq).toBe(0);
    expect(display.initialState.catalog.areas[0]!.services.find((s) => s.id === 'tu-phap')).toMatchObject({ current: '60001', waiting: 1 });
    expect(display.initialState.recentCalls).toMatchObject([{ number: '60001', counter: 60 }]);
    const mark = display.mark();
    acted(await t.counterCommand(60, 'next'));
    await display.sync();
    expect(names(eventsSince(display, mark))).toEqual(['counter:changed', 'queue:changed', 'ticket:called']);
    expectGapFreeStream(display.events);
  });

  it('rooms by role: kiosks get queue changes but no calls; displays, counters and public sockets get calls', async () => {
    const kiosk = await connect(t.tokens.kiosk);
    const display = await connect(t.tokens.display);
    const counter = await connect(t.tokens.counter[60]);
    const anonymous = await connect();
    issued(await t.issue('tu-phap'));
    acted(await t.counterCommand(60, 'next'));
    for (const socket of [kiosk, display, counter, anonymous]) await socket.sync();

    expect(new Set(kiosk.events.map((e) => e.name))).toEqual(new Set(['state', 'queue:changed']));
    for (const socket of [display, counter, anonymous]) {
      expect(socket.since(0, 'ticket:called').map((e) => e.payload)).toMatchObject([{ number: '60001', counter: 60 }]);
      expect(socket.since(0, 'counter:changed')).toHaveLength(1);
    }
    // Each audience is its own gap-free stream, so a kiosk never sees a hole where calls were.
    for (const socket of [kiosk, display, counter, anonymous]) expectGapFreeStream(socket.events);
  });

  it('refuses a socket whose token is unknown, revoked or not a string', async () => {
    const revoked = t.createToken('display');
    t.devices.revoke(revoked.deviceId);
    for (const token of ['lys_not-a-real-token', revoked.token, 42, 'x'.repeat(300)]) {
      const refusal = await connectRefused(t.url, token);
      expect(refusal.message).toBe('UNAUTHENTICATED');
      expect(refusal.data).toEqual({ code: 'UNAUTHENTICATED' });
    }
  });
});

describe('day rollover', () => {
  const MARCH_10 = Date.parse('2026-03-10T09:00:00+07:00');
  let now = MARCH_10;
  const clock = { now: () => now };

  beforeEach(async () => {
    now = MARCH_10;
    // A short tick so the hub notices the new day quickly; the test still waits on the event.
    t = await startTestHub({ config: smallCenter(), clock, tickMs: 20 });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  it('pushes day:changed, clears counters, expires leftovers and restarts numbering at 001', async () => {
    const first = issued(await t.issue('tu-phap'));
    const second = issued(await t.issue('tu-phap'));
    expect(second.day).toBe('2026-03-10');
    acted(await t.counterCommand(60, 'next'));
    const display = await connect(t.tokens.display);
    expect(display.initialState.recentCalls).toHaveLength(1);

    const mark = display.mark();
    now = Date.parse('2026-03-11T07:30:00+07:00');
    await display.waitForEvent('day:changed', (p: { day: string }) => p.day === '2026-03-11', mark);
    const snapshot = await display.sync();
    const events = eventsSince(display, mark);
    expect(events[0]!.name).toBe('day:changed');
    expect(events.filter((e) => e.name === 'counter:changed').map((e) => e.payload)).toMatchObject(
      [60, 87, 64, 65].map((counter) => ({ counter, current: null })),
    );
    expect(events.filter((e) => e.name === 'queue:changed').map((e) => e.payload)).toMatchObject(
      ['tu-phap', 'visa', 'y-te', 'ngoai-vu'].map((serviceId) => ({ serviceId, current: null, waiting: 0 })),
    );
    expect(snapshot.catalog.day).toBe('2026-03-11');
    expect(snapshot.recentCalls).toEqual([]);
    expectGapFreeStream(display.events);

    expect((await t.request('GET', '/api/health')).body).toMatchObject({ day: '2026-03-11' });
    for (const old of [first, second]) {
      expect((await t.request('GET', `/api/tickets/2026-03-10/${old.number}`)).body).toMatchObject({ status: 'expired', ahead: 0 });
    }
    expect(issued(await t.issue('tu-phap'))).toMatchObject({ number: '60001', day: '2026-03-11', ahead: 0 });
    expect(acted(await t.counterCommand(60, 'next'))).toMatchObject({ number: '60001', day: '2026-03-11' });
  });
});
