import { describe, expect, it } from 'vitest';
import { OFFICE_HOURS } from '../testing/test-center.js';
import { vnTime } from '../testing/fake-clock.js';
import { EXPECTED_BREAK_MIN, projectCallMinutes, WaitEstimator, type CounterNow, type QueuedTicket } from './estimate.js';
import { afterOpenMinutes } from './opening-hours.js';

let nextId = 1;
const ticket = (serviceId: string, priority = false): QueuedTicket => ({ id: nextId, serviceId, priority: priority ? 'x' : null, queueKey: nextId++ * 1024 });
const counter = (number: number, serviceIds: string[], freeIn = 0): CounterNow => ({ number, serviceIds, freeIn, normalStreak: 0 });
const byService = (tickets: QueuedTicket[]) => {
  const map = new Map<string, QueuedTicket[]>();
  for (const t of tickets) map.set(t.serviceId, [...(map.get(t.serviceId) ?? []), t]);
  return map;
};
const minutes = (table: Record<string, number>) => (serviceId: string) => table[serviceId] ?? 5;
const STRICT = { policy: 'strict' } as const;

describe('projectCallMinutes: the counters replayed', () => {
  it('calls at once when a counter is free, and after the first finishes when all are busy', () => {
    const a = ticket('s');
    expect(projectCallMinutes(a, byService([a]), [counter(1, ['s'])], STRICT, minutes({}))).toBe(0);
    expect(projectCallMinutes(a, byService([a]), [counter(1, ['s'], 4), counter(2, ['s'], 2)], STRICT, minutes({}))).toBe(2);
  });

  it('adds the service minutes of everybody called before, spread over the counters', () => {
    const queue = [ticket('s'), ticket('s'), ticket('s'), ticket('s'), ticket('s')];
    const target = queue[4]!;
    // Two counters, 6 minutes each: 0 and 0, then 6 and 6, then the fifth at 12.
    expect(projectCallMinutes(target, byService(queue), [counter(1, ['s']), counter(2, ['s'])], STRICT, minutes({ s: 6 }))).toBe(12);
  });

  it('gives a shared counter only to the tickets that come first in arrival order across its services', () => {
    const older = [ticket('a'), ticket('a'), ticket('a')];
    const mine = ticket('b');
    // Counter 2 serves a and b; counter 1 only a. The older a tickets go to both, so b waits for one of them.
    const calledAt = projectCallMinutes(mine, byService([...older, mine]), [counter(1, ['a']), counter(2, ['a', 'b'])], STRICT, minutes({ a: 10, b: 10 }));
    expect(calledAt).toBe(10);
    // A counter for b alone would call it at once.
    expect(projectCallMinutes(mine, byService([...older, mine]), [counter(1, ['a']), counter(2, ['b'])], STRICT, minutes({ a: 10 }))).toBe(0);
  });

  it('follows the priority policy: strict priority goes first, interleaved lets older normal tickets keep their turn', () => {
    const normal = [ticket('s'), ticket('s'), ticket('s')];
    const elderly = ticket('s', true);
    const queue = byService([...normal, elderly]);
    expect(projectCallMinutes(elderly, queue, [counter(1, ['s'])], STRICT, minutes({ s: 5 }))).toBe(0);
    // every 2: two normal calls (0, 5), then the priority ticket may overtake the third: called at 10.
    expect(projectCallMinutes(elderly, queue, [counter(1, ['s'])], { policy: 'interleaved', every: 2 }, minutes({ s: 5 }))).toBe(10);
    expect(projectCallMinutes(normal[2]!, queue, [counter(1, ['s'])], STRICT, minutes({ s: 5 }))).toBe(15);
  });

  it('gives up on a ticket no counter serves', () => {
    const orphan = ticket('nobody');
    expect(projectCallMinutes(orphan, byService([orphan]), [counter(1, ['s'])], STRICT, minutes({}))).toBeNull();
  });
});

describe('WaitEstimator: minutes per ticket', () => {
  it('starts from the configured default, then learns fast from the first tickets', () => {
    let configured = 8;
    const estimator = new WaitEstimator(() => configured);
    expect(estimator.serviceMinutes('s')).toBe(8);
    configured = 6;
    expect(estimator.serviceMinutes('s')).toBe(6);
    for (let i = 0; i < 6; i += 1) estimator.recordFinish('s', 3 * 60_000);
    expect(estimator.serviceMinutes('s')).toBeGreaterThan(3);
    expect(estimator.serviceMinutes('s')).toBeLessThan(3.6);
  });

  it('clips outliers: each 2-hour case counts as 3 × the estimate, one sample among the history’s 30', () => {
    const estimator = new WaitEstimator(() => 5);
    estimator.startDay([{ serviceId: 's', counter: 1, finished: 40, busyMs: 40 * 5 * 60_000 }]);
    estimator.recordFinish('s', 120 * 60_000);
    estimator.recordFinish('s', 120 * 60_000);
    // Clipped at 15 minutes: 5 + (15 − 5) / 32 = 5.3125; then at 3 × 5.3125: + (15.9375 − 5.3125) / 33.
    expect(estimator.serviceMinutes('s')).toBeCloseTo(5.3125 + (15.9375 - 5.3125) / 33, 5);
  });

  it('starts the day from history, per service, and forgets today on the next day', () => {
    const estimator = new WaitEstimator(() => 5);
    const history = [
      { serviceId: 's', counter: 1, finished: 10, busyMs: 10 * 12 * 60_000 },
      { serviceId: 's', counter: 2, finished: 30, busyMs: 30 * 8 * 60_000 },
      { serviceId: 'empty', counter: 1, finished: 0, busyMs: 0 },
    ];
    estimator.startDay(history);
    expect(estimator.serviceMinutes('s')).toBeCloseTo(9, 5);
    expect(estimator.serviceMinutes('empty')).toBe(5);
    estimator.recordFinish('s', 30 * 60_000);
    estimator.startDay([]);
    expect(estimator.serviceMinutes('s')).toBe(5);
  });

  it('holds the shown value while the learnt one moves by 10 % or less (hysteresis)', () => {
    const estimator = new WaitEstimator(() => 5);
    estimator.startDay([{ serviceId: 's', counter: 1, finished: 100, busyMs: 100 * 10 * 60_000 }]);
    estimator.recordFinish('s', 11 * 60_000); // learnt 10.03
    estimator.recordFinish('s', 12 * 60_000); // learnt about 10.09
    expect(estimator.serviceMinutes('s')).toBe(10);
    for (let i = 0; i < 6; i += 1) estimator.recordFinish('s', 20 * 60_000);
    expect(estimator.serviceMinutes('s')).toBeGreaterThan(11);
  });

  it('expects a paused counter back after a break, never sooner than a third of it', () => {
    const estimator = new WaitEstimator(() => 5);
    const at = vnTime('2026-11-23 09:00');
    estimator.recordPause(7, at);
    expect(estimator.pausedFor(7, at)).toBe(EXPECTED_BREAK_MIN);
    expect(estimator.pausedFor(7, at + 10 * 60_000)).toBe(EXPECTED_BREAK_MIN - 10);
    expect(estimator.pausedFor(7, at + 60 * 60_000)).toBe(EXPECTED_BREAK_MIN / 3);
    estimator.recordResume(7);
    // Paused before the hub started (no pause seen): a whole break from now.
    expect(estimator.pausedFor(7, at)).toBe(EXPECTED_BREAK_MIN);
  });
});

describe('afterOpenMinutes: waits carried through the opening hours', () => {
  const TZ = 'Asia/Ho_Chi_Minh';
  it('counts open minutes only: 20 minutes from 11:25 with the 11:30–13:30 break end at 13:45', () => {
    expect(afterOpenMinutes(OFFICE_HOURS, TZ, vnTime('2026-11-23 11:25'), 20)).toBe(vnTime('2026-11-23 13:45'));
    expect(afterOpenMinutes(OFFICE_HOURS, TZ, vnTime('2026-11-23 09:00'), 20)).toBe(vnTime('2026-11-23 09:20'));
  });

  it('starts at the opening when asked during the break, and stops at the day’s last closing', () => {
    expect(afterOpenMinutes(OFFICE_HOURS, TZ, vnTime('2026-11-23 12:00'), 10)).toBe(vnTime('2026-11-23 13:40'));
    expect(afterOpenMinutes(OFFICE_HOURS, TZ, vnTime('2026-11-23 16:30'), 90)).toBe(vnTime('2026-11-23 17:00'));
  });

  it('counts every minute on a day without hours (nothing better to say)', () => {
    expect(afterOpenMinutes(OFFICE_HOURS, TZ, vnTime('2026-11-22 10:00'), 30)).toBe(vnTime('2026-11-22 10:30'));
  });
});
