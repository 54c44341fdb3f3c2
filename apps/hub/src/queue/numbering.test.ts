import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { FakeClock, vnTime } from '../testing/fake-clock.js';
import { CLERK, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { ALWAYS_OPEN, ELDERLY, TU_PHAP, VISA, XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';

describe('ticket numbers XXYYY', () => {
  it('starts each prefix at 001 and counts up within the day', () => {
    const { core } = openMemoryCore();
    expect(issueNumbers(core, TU_PHAP, 3)).toEqual(['86001', '86002', '86003']);
  });

  it('keeps a separate sequence per prefix', () => {
    const { core } = openMemoryCore();
    const numbers = [TU_PHAP, XNC, TU_PHAP, VISA, XNC].map((serviceId) => core.issue({ serviceId }).value.number);
    expect(numbers).toEqual(['86001', '66001', '86002', '68001', '66002']);
  });

  it('counts priority tickets in the same sequence as everybody else', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    expect(issueNumbers(core, XNC, 1, { priority: ELDERLY })).toEqual(['66002']);
    expect(issueNumbers(core, XNC, 1)).toEqual(['66003']);
  });

  it('stamps the ticket with the local service day and issue time', () => {
    const { core, clock } = openMemoryCore();
    const ticket = core.issue({ serviceId: TU_PHAP }).value;
    expect(ticket).toMatchObject({ day: '2026-11-23', serviceId: TU_PHAP, priority: null, issuedAt: new Date(clock.now()).toISOString() });
  });

  it('continues the sequence after a hub restart on the same store', () => {
    const first = openMemoryCore();
    issueNumbers(first.core, TU_PHAP, 2);
    const second = first.reopen();
    expect(second.core.currentDay).toBe('2026-11-23');
    expect(issueNumbers(second.core, TU_PHAP, 1)).toEqual(['86003']);
  });
});

describe('daily limit', () => {
  it('refuses the ticket after the limit with QUEUE_FULL and uses no number', () => {
    const { core, store } = openMemoryCore({ config: testCenter({ dailyLimits: { [TU_PHAP]: 2 } }) });
    expect(issueNumbers(core, TU_PHAP, 2)).toEqual(['86001', '86002']);
    expectQueueError(() => core.issue({ serviceId: TU_PHAP }), ErrorCode.QUEUE_FULL);
    expect(store.lastSeq('2026-11-23', '86')).toBe(2);
    expect(core.views.serviceStatus(TU_PHAP).full).toBe(true);
  });

  it('only fills the service that reached its limit', () => {
    const { core } = openMemoryCore({ config: testCenter({ dailyLimits: { [TU_PHAP]: 1 } }) });
    issueNumbers(core, TU_PHAP, 1);
    expectQueueError(() => core.issue({ serviceId: TU_PHAP }), ErrorCode.QUEUE_FULL);
    expect(issueNumbers(core, XNC, 1)).toEqual(['66001']);
    expect(core.views.serviceStatus(XNC).full).toBe(false);
  });

  it('counts online bookings against the limit', () => {
    const { core, clock } = openMemoryCore({ config: testCenter({ dailyLimits: { [TU_PHAP]: 1 } }) });
    core.book({ serviceId: TU_PHAP, bookingRef: 'portal-0001', deadline: clock.now() + 11 * 60_000 });
    expectQueueError(() => core.issue({ serviceId: TU_PHAP }), ErrorCode.QUEUE_FULL);
  });

  it('runs all 999 numbers of a prefix, then refuses', () => {
    const { core } = openMemoryCore();
    const numbers = core.inOneCommit(() => issueNumbers(core, VISA, 999));
    expect(numbers.at(-1)).toBe('68999');
    expect(new Set(numbers).size).toBe(999);
    expectQueueError(() => core.issue({ serviceId: VISA }), ErrorCode.QUEUE_FULL);
  });
});

describe('opening hours', () => {
  // Office hours: weekdays 07:30–11:30 and 13:30–17:00, Saturday 07:30–11:30, Sunday closed.
  it.each([
    ['before opening', '2026-11-23 07:29'],
    ['during the lunch break', '2026-11-23 11:30'],
    ['at the end of the lunch break minus a minute', '2026-11-23 13:29'],
    ['at closing time (close is exclusive)', '2026-11-23 17:00'],
    ['on Saturday afternoon', '2026-11-28 14:00'],
    ['on Sunday', '2026-11-22 09:00'],
  ])('refuses tickets %s with CLOSED', (_label, local) => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime(local));
    expectQueueError(() => core.issue({ serviceId: TU_PHAP }), ErrorCode.CLOSED);
    expect(core.isOpen()).toBe(false);
  });

  it.each([
    ['at opening', '2026-11-23 07:30'],
    ['the last minute of the morning', '2026-11-23 11:29'],
    ['after lunch', '2026-11-23 13:30'],
    ['on Saturday morning', '2026-11-28 10:00'],
  ])('issues tickets %s', (_label, local) => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime(local));
    expect(core.isOpen()).toBe(true);
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86001']);
  });

  it('refuses bookings outside opening hours too, and a CLOSED refusal uses no number', () => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime('2026-11-23 12:00'));
    expectQueueError(() => core.book({ serviceId: TU_PHAP, bookingRef: 'portal-lunch', deadline: clock.now() + 60_000 }), ErrorCode.CLOSED);
    expectQueueError(() => core.issue({ serviceId: TU_PHAP }), ErrorCode.CLOSED);
    clock.set(vnTime('2026-11-23 13:30'));
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86001']);
  });

  it('still lets counters call waiting tickets after closing', () => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime('2026-11-23 16:59'));
    issueNumbers(core, TU_PHAP, 1);
    clock.set(vnTime('2026-11-23 17:10'));
    expect(callNext(core, 86)).toBe('86001');
  });

  it('reports the closing instant of the current interval', () => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime('2026-11-23 10:15'));
    expect(core.closesAt()).toBe(vnTime('2026-11-23 11:30'));
    clock.set(vnTime('2026-11-23 12:00'));
    expect(core.closesAt()).toBeNull();
  });
});

describe('issue validation', () => {
  it('rejects an unknown service with NOT_FOUND', () => {
    const { core } = openMemoryCore();
    expectQueueError(() => core.issue({ serviceId: 'khong-co' }), ErrorCode.NOT_FOUND);
  });

  it('rejects an unknown priority category with VALIDATION', () => {
    const { core } = openMemoryCore();
    expectQueueError(() => core.issue({ serviceId: TU_PHAP, priority: 'vip' }), ErrorCode.VALIDATION);
  });

  it('refuses tickets for an inactive service with CLOSED', () => {
    const { core } = openMemoryCore({ config: testCenter({ inactive: [VISA] }) });
    expectQueueError(() => core.issue({ serviceId: VISA }), ErrorCode.CLOSED);
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86001']);
  });
});

describe('day rollover at midnight, Asia/Ho_Chi_Minh', () => {
  // 2026-11-22T16:59:59Z is 23:59:59 on Sunday 22 November in Hà Nội; one second later it is Monday.
  const LAST_SECOND = '2026-11-22T16:59:59Z';
  const MIDNIGHT = '2026-11-22T17:00:00Z';

  function centerBeforeMidnight() {
    const clock = new FakeClock(vnTime('2026-11-22 23:30'));
    const temp = openMemoryCore({ clock, config: testCenter({ openingHours: ALWAYS_OPEN }) });
    const { core } = temp;
    const waiting = core.issue({ serviceId: TU_PHAP }).value; // 86001, called below
    const stillWaiting = core.issue({ serviceId: TU_PHAP }).value; // 86002
    const booked = core.book({ serviceId: XNC, bookingRef: 'portal-late', deadline: Date.parse(MIDNIGHT) + 30 * 60_000 }).value;
    issueNumbers(core, XNC, 1); // 66002, called below
    issueNumbers(core, VISA, 1); // 68001, done below
    core.next(86, CLERK); // 86001 called
    core.next(66, CLERK); // 66001 (booked, no check-in required) called
    core.next(68, CLERK);
    core.done(68, CLERK); // 68001 done
    core.next(66, CLERK); // 66001 done, 66002 called
    return { ...temp, waiting, stillWaiting, booked };
  }

  it('does nothing at 23:59:59 local', () => {
    const { core, clock } = centerBeforeMidnight();
    clock.set(LAST_SECOND);
    expect(core.tick().events).toEqual([]);
    expect(core.currentDay).toBe('2026-11-22');
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86003']);
  });

  it('expires every unfinished ticket of yesterday at 00:00:00 local and keeps finished ones', () => {
    const { core, clock, waiting, stillWaiting } = centerBeforeMidnight();
    clock.set(MIDNIGHT);
    core.tick();
    expect(core.currentDay).toBe('2026-11-23');
    const status = (day: string, number: string) => core.views.publicStatus(day, number).status;
    expect(core.getTicket(waiting.id)).toMatchObject({ status: 'expired', finishedAt: clock.now() });
    expect(core.getTicket(stillWaiting.id)?.status).toBe('expired');
    expect(status('2026-11-22', '66001')).toBe('done');
    expect(status('2026-11-22', '66002')).toBe('expired');
    expect(status('2026-11-22', '68001')).toBe('done');
  });

  it('follows a clock corrected backwards across midnight: yesterday continues after its last number, nothing reopens', () => {
    const { core, clock, stillWaiting } = centerBeforeMidnight();
    clock.set(MIDNIGHT);
    core.tick();
    const today = core.issue({ serviceId: TU_PHAP }).value;
    clock.set(LAST_SECOND);
    expect(core.tick().events).toContainEqual({ type: 'day-changed', day: '2026-11-22' });
    expect(core.currentDay).toBe('2026-11-22');
    // 86001 and 86002 of the 22nd exist: the next number of that day is 86003, never one of them again.
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86003']);
    expect(today.number).toBe('86001');
    // What midnight expired stays expired; the 23rd's ticket stays in the queue.
    expect(core.getTicket(stillWaiting.id)?.status).toBe('expired');
    expect(core.getTicket(today.id)?.status).toBe('waiting');
    // Midnight again: the 23rd continues after its own 86001.
    clock.set(MIDNIGHT);
    core.tick();
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86002']);
  });

  it('expires a booking of yesterday even before its deadline', () => {
    const { core, clock } = centerBeforeMidnight();
    const booking = core.book({ serviceId: VISA, bookingRef: 'portal-2359', deadline: Date.parse(MIDNIGHT) + 10 * 60_000 }).value;
    clock.set(MIDNIGHT);
    core.tick();
    expect(core.getTicket(booking.id)?.status).toBe('expired');
  });

  it('restarts every sequence at 001 on the new day', () => {
    const { core, clock } = centerBeforeMidnight();
    clock.set(MIDNIGHT);
    expect(core.issue({ serviceId: TU_PHAP }).value).toMatchObject({ number: '86001', day: '2026-11-23', ahead: 0 });
    expect(issueNumbers(core, XNC, 1)).toEqual(['66001']);
    // Yesterday's 86001 is still there under its own day.
    expect(core.views.publicStatus('2026-11-22', '86001').status).toBe('expired');
  });

  it('clears the counters and the current transactions', () => {
    const { core, clock } = centerBeforeMidnight();
    expect(core.views.counterView(86).current).toBe('86001');
    clock.set(MIDNIGHT);
    core.tick();
    expect(core.views.catalog().counters.map((c) => c.current)).toEqual([null, null, null]);
    for (const serviceId of [TU_PHAP, XNC, VISA]) expect(core.views.serviceStatus(serviceId)).toMatchObject({ current: null, waiting: 0 });
    expect(core.views.counterQueue(66)).toMatchObject({ serving: null, servedToday: 0, avgServiceMin: null });
    expectQueueError(() => core.done(86, CLERK), ErrorCode.CONFLICT);
    expect(callNext(core, 86)).toBeNull();
  });

  it('emits day-changed with the new day, and a change for every counter and service', () => {
    const { core, clock } = centerBeforeMidnight();
    clock.set(MIDNIGHT);
    const { events } = core.tick();
    expect(events).toContainEqual({ type: 'day-changed', day: '2026-11-23' });
    expect(events.filter((e) => e.type === 'day-changed')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'counter-changed').map((e) => e.counter).sort()).toEqual([66, 68, 86]);
    expect(events.filter((e) => e.type === 'queue-changed').map((e) => e.serviceId).sort()).toEqual([XNC, TU_PHAP, VISA].sort());
    expect(core.tick().events).toEqual([]);
  });

  it('rolls over inside the first command of the day and returns its events with the command', () => {
    const { core, clock } = centerBeforeMidnight();
    clock.set(MIDNIGHT);
    const outcome = core.issue({ serviceId: VISA });
    expect(outcome.value.number).toBe('68001');
    expect(outcome.events[0]).toEqual({ type: 'day-changed', day: '2026-11-23' });
  });

  it('keeps the rollover events of a first command that was refused for the next outcome', () => {
    const { core, clock } = openMemoryCore(); // office hours: closed at night
    clock.set(vnTime('2026-11-24 00:00:02'));
    expectQueueError(() => core.issue({ serviceId: TU_PHAP }), ErrorCode.CLOSED);
    expect(core.currentDay).toBe('2026-11-24');
    const { events } = core.tick();
    expect(events).toContainEqual({ type: 'day-changed', day: '2026-11-24' });
    expect(events).toContainEqual({ type: 'counter-changed', counter: 86 });
    expect(core.tick().events).toEqual([]);
  });

  it('rolls over a hub that was off at midnight when it starts again', () => {
    const temp = centerBeforeMidnight();
    temp.clock.set(vnTime('2026-11-23 07:00'));
    const restarted = temp.reopen();
    expect(restarted.core.currentDay).toBe('2026-11-22');
    expect(restarted.core.tick().events).toContainEqual({ type: 'day-changed', day: '2026-11-23' });
    expect(restarted.core.getTicket(temp.stillWaiting.id)?.status).toBe('expired');
    expect(issueNumbers(restarted.core, TU_PHAP, 1)).toEqual(['86001']);
  });
});
