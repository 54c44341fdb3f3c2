import { adminTodayResponseSchema, type AdminTodayResponse } from '@layso/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';

let t: TestHub;
let clock: FakeClock;

afterEach(async () => {
  expect(t.logs).toEqual([]);
  await t.stop();
});

async function floor(): Promise<AdminTodayResponse> {
  const response = await t.request('GET', '/api/admin/today', { token: t.tokens.admin });
  expect(response.status, response.text).toBe(200);
  return adminTodayResponseSchema.parse(response.body);
}
const counterOf = (view: AdminTodayResponse, number: number) => view.counters.find((c) => c.number === number)!;

describe('GET /api/admin/today', () => {
  it('says per counter whether a clerk is signed in, its console is online, and what it serves since when', async () => {
    clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    const start = clock.now();
    let view = await floor();
    expect(counterOf(view, 60)).toEqual({ number: 60, state: 'idle', ticket: null, calledAt: null, clerk: null, consoleOnline: false });
    expect(view.services.find((s) => s.serviceId === 'tu-phap')).toEqual({ serviceId: 'tu-phap', waiting: 0, oldestWaitingSince: null });

    const added = await t.request('POST', '/api/admin/clerks', { token: t.tokens.admin, json: { code: 'lan01', name: 'Nguyễn Thị Lan', pin: '2468' } });
    expect(added.status, added.text).toBe(201);
    const signIn = await t.request('POST', '/api/counters/60/clerk', { token: t.tokens.counter[60], json: { code: 'lan01', pin: '2468' } });
    expect(signIn.status, signIn.text).toBe(200);
    expect((await t.issue('tu-phap')).status).toBe(201);
    clock.advance({ minutes: 1 });
    expect((await t.issue('tu-phap')).status).toBe(201);
    const console60 = await TestSocket.connect(t.url, t.tokens.counter[60]);
    // A display's socket is not a counter console.
    const board = await TestSocket.connect(t.url, t.tokens.display);
    clock.advance({ minutes: 1 });
    expect((await t.counterCommand(60, 'next')).status).toBe(200);

    view = await floor();
    expect(counterOf(view, 60)).toEqual({
      number: 60,
      state: 'serving',
      ticket: '60001',
      calledAt: new Date(start + 120_000).toISOString(),
      clerk: { id: (added.body as { id: number }).id, name: 'Nguyễn Thị Lan' },
      consoleOnline: true,
    });
    expect(counterOf(view, 87)).toMatchObject({ state: 'idle', clerk: null, consoleOnline: false });
    // 60002 still waits, issued a minute after the start.
    expect(view.services.find((s) => s.serviceId === 'tu-phap')).toEqual({ serviceId: 'tu-phap', waiting: 1, oldestWaitingSince: new Date(start + 60_000).toISOString() });
    expect(view.now).toBe(new Date(start + 120_000).toISOString());

    console60.close();
    board.close();
    await expect.poll(async () => counterOf(await floor(), 60).consoleOnline).toBe(false);
    expect((await t.counterCommand(60, 'done')).status).toBe(200);
    expect((await t.counterCommand(60, 'pause')).status).toBe(200);
    expect(counterOf(await floor(), 60)).toMatchObject({ state: 'paused', ticket: null });
  });

  it('is for admins only', async () => {
    clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    expectError(await t.request('GET', '/api/admin/today', { token: t.tokens.counter[60] }), 403, 'FORBIDDEN');
    expectError(await t.request('GET', '/api/admin/today'), 401, 'UNAUTHENTICATED');
  });
});
