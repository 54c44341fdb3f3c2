import { afterEach, describe, expect, it } from 'vitest';
import { call, counter, issue } from '../notify/testing/notify-test-hub.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';

/** POST /api/ratings and GET /api/ratings/summary against a real hub. */
describe('satisfaction ratings', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;

  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  it('one rating per finished ticket; the summary counts per counter, service and clerk', async () => {
    hub = await startTestHub();
    const day = hub.core.currentDay;
    const numbers = await issue(hub, 'cong-an-xnc', 4);
    for (let i = 0; i < numbers.length; i++) {
      await call(hub, 'counter', 'POST', '/api/counters/86/next', { clerk: 'Nguyễn Văn An' }, 86);
      await counter(hub, 86, 'done');
    }
    expect((await call(hub, 'display', 'POST', '/api/ratings', { day, number: numbers[0], score: 'very-satisfied' })).status).toBe(201);
    expect((await call(hub, 'display', 'POST', '/api/ratings', { day, number: numbers[1], score: 'satisfied' })).status).toBe(201);
    const third = await call(hub, 'counter', 'POST', '/api/ratings', { day, number: numbers[2], score: 'unsatisfied', reason: 'waited-too-long' }, 86);
    expect(third.json).toMatchObject({ number: numbers[2], score: 'unsatisfied' });
    // A second rating of the same ticket, by whoever, is a conflict.
    expect((await call(hub, 'display', 'POST', '/api/ratings', { ticketId: third.json.ticketId, score: 'satisfied' })).json.error.code).toBe('CONFLICT');
    // Another counter's token cannot rate counter 86's citizens.
    expect((await call(hub, 'counter', 'POST', '/api/ratings', { day, number: numbers[3], score: 'satisfied' }, 60)).status).toBe(403);
    expect((await call(hub, 'kiosk', 'POST', '/api/ratings', { day, number: numbers[3], score: 'satisfied' })).status).toBe(403);
    expect((await call(hub, 'display', 'POST', '/api/ratings', { day, number: numbers[3], score: 'great' })).status).toBe(400);

    const summary = await call(hub, 'admin', 'GET', `/api/ratings/summary?counter=86&from=${day}&to=${day}`);
    expect(summary.json).toMatchObject({ from: day, to: day, total: 3 });
    expect(summary.json.satisfiedShare).toBeCloseTo(2 / 3);
    const counts = { 'very-satisfied': 1, satisfied: 1, unsatisfied: 1 };
    expect(summary.json.byCounter).toEqual([{ key: '86', total: 3, counts, satisfiedShare: 2 / 3 }]);
    expect(summary.json.byService).toEqual([{ key: 'cong-an-xnc', total: 3, counts, satisfiedShare: 2 / 3 }]);
    expect(summary.json.byClerk).toEqual([{ key: 'Nguyễn Văn An', total: 3, counts, satisfiedShare: 2 / 3 }]);
    expect((await call(hub, 'display', 'GET', '/api/ratings/summary')).status).toBe(403);
  });

  it('refuses a ticket that is not done: waiting, skipped, unknown', async () => {
    hub = await startTestHub();
    const day = hub.core.currentDay;
    const [first, second] = await issue(hub, 'cong-an-xnc', 2);
    await counter(hub, 86, 'next');
    await counter(hub, 86, 'skip');
    expect((await call(hub, 'display', 'POST', '/api/ratings', { day, number: first, score: 'satisfied' })).json.error.code).toBe('CONFLICT');
    expect((await call(hub, 'display', 'POST', '/api/ratings', { day, number: second, score: 'satisfied' })).json.error.code).toBe('CONFLICT');
    expect((await call(hub, 'display', 'POST', '/api/ratings', { day, number: '86999', score: 'satisfied' })).status).toBe(404);
  });
});
