import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { clockStatusSchema, type IssuedTicket } from '@layso/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../app/create-hub.js';
import { withDatabase } from '../testing/db-snapshot.js';
import { expectError, http, type HttpResponse } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';

const DAY_MS = 86_400_000;
const D = '2026-03-10';
const MORNING = Date.parse('2026-03-10T09:00:00+07:00');
/** An RTC that jumped 400 days ahead. */
const AHEAD = MORNING + 400 * DAY_MS;
const PHANTOM = '2027-04-14';
const TICK_MS = 20;

let now = MORNING;
const clock = { now: () => now };
const hubs: { stop(): Promise<void> }[] = [];

afterEach(async () => {
  for (const hub of hubs.splice(0).reverse()) await hub.stop();
});

function issued(response: HttpResponse): IssuedTicket {
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as IssuedTicket;
}

async function health(url: string): Promise<{ status: number; day: string; clock: { now: string; warnings: { kind: string; atStart: boolean }[] } }> {
  const response = await http(url, 'GET', '/api/health');
  return { status: response.status, ...(response.body as { day: string; clock: { now: string; warnings: { kind: string; atStart: boolean }[] } }) };
}

/** Waits (generously) until the hub's timer moved it to `day`, without any request that would roll it over itself. */
async function dayOnTimer(url: string, day: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    if ((await health(url)).day === day) return;
    if (Date.now() > deadline) throw new Error(`the hub did not move to ${day} on its timer`);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
}

function storedNumbers(dataDir: string): { day: string; number: string }[] {
  return withDatabase(dataDir, (db) => db.prepare('SELECT day, number FROM tickets ORDER BY id').all() as { day: string; number: string }[]);
}

async function jumpAndIssue(): Promise<TestHub> {
  now = MORNING;
  const t = await startTestHub({ config: smallCenter(), clock, tickMs: TICK_MS });
  hubs.push(t);
  expect([issued(await t.issue('tu-phap')), issued(await t.issue('tu-phap'))].map((x) => [x.day, x.number])).toEqual([
    [D, '60001'],
    [D, '60002'],
  ]);
  now = AHEAD;
  await dayOnTimer(t.url, PHANTOM);
  expect(issued(await t.issue('tu-phap'))).toMatchObject({ day: PHANTOM, number: '60001' });
  return t;
}

describe('a clock that jumps 400 days ahead and is corrected back (real hub, real file)', () => {
  it('follows the correction on its next tick, continues after the day\'s highest number, and warns in health and the admin API', async () => {
    const t = await jumpAndIssue();
    now = MORNING + 10 * 60_000;
    await dayOnTimer(t.url, D);
    const again = issued(await t.issue('tu-phap'));
    expect(again).toMatchObject({ day: D, number: '60003' });
    // In front: D's 60001 and 60002 (the jump's rollover expired them; the correction gave
    // them back their place) and the phantom day's 60001, all people in the hall.
    expect(again.ahead).toBe(3);
    const statusOf = (day: string, number: string) => t.request('GET', `/api/tickets/${day}/${number}`).then((r) => (r.body as { status: string }).status);
    expect([await statusOf(D, '60001'), await statusOf(D, '60002'), await statusOf(PHANTOM, '60001')]).toEqual(['waiting', 'waiting', 'waiting']);

    const numbers = storedNumbers(t.dataDir);
    expect(numbers).toEqual([
      { day: D, number: '60001' },
      { day: D, number: '60002' },
      { day: PHANTOM, number: '60001' },
      { day: D, number: '60003' },
    ]);
    expect(new Set(numbers.map((n) => `${n.day}/${n.number}`)).size).toBe(numbers.length);

    const report = await health(t.url);
    expect(report.status).toBe(200); // a warning, not an outage
    expect(report.clock.now).toBe(new Date(now).toISOString());
    expect(report.clock.warnings.map((w) => w.kind)).toEqual(['forward', 'backwards']);

    const status = await t.request('GET', '/api/admin/clock', { token: t.tokens.admin });
    expect(clockStatusSchema.parse(status.body).warnings).toEqual([
      { kind: 'forward', from: new Date(MORNING).toISOString(), to: expect.any(String), atStart: false },
      { kind: 'backwards', from: expect.any(String), to: expect.any(String), atStart: false },
    ]);
    expect(t.logs).toEqual([]);
  });

  it('only an administrator sees or clears the warning; clearing is audited and survives a restart', async () => {
    const t = await jumpAndIssue();
    now = MORNING + 10 * 60_000;
    await dayOnTimer(t.url, D);
    expectError(await t.request('GET', '/api/admin/clock', { token: t.tokens.kiosk }), 403, 'FORBIDDEN');
    expectError(await t.request('GET', '/api/admin/clock'), 401, 'UNAUTHENTICATED');
    expectError(await t.request('POST', '/api/admin/clock/acknowledge', { token: t.tokens.counter[60] }), 403, 'FORBIDDEN');
    expect((await health(t.url)).clock.warnings).toHaveLength(2);

    const cleared = await t.request('POST', '/api/admin/clock/acknowledge', { token: t.tokens.admin });
    expect(cleared.status).toBe(200);
    expect(clockStatusSchema.parse(cleared.body).warnings).toEqual([]);
    expect((await health(t.url)).clock.warnings).toEqual([]);
    const audited = withDatabase(t.dataDir, (db) => db.prepare("SELECT action, target FROM audit_log WHERE action = 'clock.acknowledge'").all());
    expect(audited).toEqual([{ action: 'clock.acknowledge', target: 'clock' }]);

    const restarted = await restart(t);
    expect((await health(restarted.url)).clock.warnings).toEqual([]);
  });

  it('a hub restarted after the correction still knows: back on the right day, numbers continue, the warning is there', async () => {
    const t = await jumpAndIssue();
    now = MORNING + 10 * 60_000;
    const restarted = await restart(t);
    await dayOnTimer(restarted.url, D);
    const report = await health(restarted.url);
    expect(report.clock.warnings.map((w) => [w.kind, w.atStart])).toEqual([
      ['forward', false],
      ['backwards', true],
    ]);
    const ticket = await http(restarted.url, 'POST', '/api/tickets', { token: t.tokens.kiosk, json: { serviceId: 'tu-phap', requestId: 'kiosk-after-restart-1' } });
    expect(issued(ticket)).toMatchObject({ day: D, number: '60003' });
  });
});

/** Stops the hub and starts another on the same data folder and clock (the tokens stay valid). */
async function restart(t: TestHub): Promise<Hub> {
  hubs.splice(hubs.indexOf(t), 1);
  await t.close();
  const again = await startHub({
    dataDir: t.dataDir,
    port: 0,
    host: '127.0.0.1',
    clock,
    tickMs: TICK_MS,
    log: (message) => t.logs.push(message),
    webRoots: { kiosk: join(t.dataDir, 'no-kiosk'), counterDisplay: join(t.dataDir, 'no-display') },
  });
  hubs.push({
    async stop() {
      await again.close();
      rmSync(t.dataDir, { recursive: true, force: true });
    },
  });
  return again;
}
