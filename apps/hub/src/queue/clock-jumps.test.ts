import { describe, expect, it } from 'vitest';
import { FakeClock, MINUTE, MONDAY_MORNING, vnTime } from '../testing/fake-clock.js';
import { callNext, issueNumbers } from '../testing/queue-helpers.js';
import { TU_PHAP, XNC } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';
import { BACKWARD_TOLERANCE_MS, FORWARD_JUMP_MS } from './clock-watch.js';

const DAY = 86_400_000;
const D = '2026-11-23'; // Monday; MONDAY_MORNING is 08:00 on it
/** An RTC that jumped 400 days ahead (Tuesday 2027-12-28 08:00:05, inside opening hours). */
const AHEAD = MONDAY_MORNING + 400 * DAY + 5_000;
const PHANTOM = '2027-12-28';

/** Issue on D, the clock jumps +400 days, issue there: the state an NTP correction finds. */
function jumpedAhead() {
  const temp = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
  const onD = [...issueNumbers(temp.core, TU_PHAP, 2), ...issueNumbers(temp.core, XNC, 1)];
  temp.clock.set(AHEAD);
  const phantom = temp.core.issue({ serviceId: TU_PHAP }).value;
  return { ...temp, onD, phantom };
}

describe('a clock that jumped ahead and was corrected back', () => {
  it('rolls into the future day while the clock says so', () => {
    const { core, onD, phantom } = jumpedAhead();
    expect(onD).toEqual(['86001', '86002', '66001']);
    expect(core.currentDay).toBe(PHANTOM);
    expect(phantom).toMatchObject({ day: PHANTOM, number: '86001' });
  });

  it('follows the corrected clock within one tick and continues after the highest number of that day', () => {
    const { core, clock } = jumpedAhead();
    clock.set(MONDAY_MORNING + 10 * MINUTE);
    const { events } = core.tick();
    expect(core.currentDay).toBe(D);
    expect(events).toContainEqual({ type: 'day-changed', day: D });
    expect(core.views.catalog().day).toBe(D);
    const again = core.issue({ serviceId: TU_PHAP }).value;
    expect(again).toMatchObject({ day: D, number: '86003' });
    expect(issueNumbers(core, XNC, 1)).toEqual(['66002']);
    // Nothing issued twice: D keeps one 86001, 86002, 86003; the phantom day its own 86001.
    expect(core.findTicket(D, '86001')?.id).not.toBe(core.findTicket(PHANTOM, '86001')?.id);
    expect(core.views.serviceStatus(TU_PHAP).full).toBe(false);
  });

  it('does not get stuck on the future day (the old rule: only forward)', () => {
    const { core, clock } = jumpedAhead();
    clock.set(MONDAY_MORNING + 10 * MINUTE);
    // Many numbers later, still on D, not on the phantom day's sequence.
    const numbers = issueNumbers(core, TU_PHAP, 5);
    expect(numbers).toEqual(['86003', '86004', '86005', '86006', '86007']);
    expect(numbers.map((n) => core.findTicket(D, n)?.day)).toEqual([D, D, D, D, D]);
  });

  it('keeps the phantom day\'s tickets in the queue in issue order, and expires them at the next real midnight', () => {
    const { core, clock, phantom } = jumpedAhead();
    clock.set(MONDAY_MORNING + 10 * MINUTE);
    const later = core.issue({ serviceId: TU_PHAP }).value; // 86003 on D
    // The citizens holding D's 86001 and 86002 (given back their place) and the phantom
    // 86001 are in the hall now and were there first, in that order.
    expect(core.getTicket(phantom.id)?.status).toBe('waiting');
    expect(core.views.publicStatus(D, later.number).ahead).toBe(3);
    // Counter 86 also serves XNC: D's 66001 is in the same line.
    expect([callNext(core, 86), callNext(core, 86), callNext(core, 86), callNext(core, 86)]).toEqual(['86001', '86002', '66001', '86001']);
    expect(core.getTicket(phantom.id)?.status).toBe('called');
    clock.set(vnTime('2026-11-24 08:00'));
    core.tick();
    expect(core.currentDay).toBe('2026-11-24');
    expect(core.getTicket(phantom.id)?.status).toBe('expired');
    expect(core.getTicket(later.id)?.status).toBe('expired');
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86001']);
  });

  it('gives back their place to the walk-in citizens the jump ahead expired (not to online bookings)', () => {
    const temp = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    const { core, clock } = temp;
    const [served, beingServed, waiting] = [0, 1, 2].map(() => core.issue({ serviceId: TU_PHAP }).value);
    core.next(86, { deviceId: null });
    core.next(86, { deviceId: null }); // 86001 done, 86002 at counter 86
    const booking = core.book({ serviceId: XNC, bookingRef: 'portal-jump', deadline: MONDAY_MORNING + 60 * MINUTE }).value;
    clock.set(AHEAD);
    core.tick(); // the phantom rollover expires 86002, 86003 and the booking
    expect([beingServed, waiting, booking].map((t) => core.getTicket(t!.id)?.status)).toEqual(['expired', 'expired', 'expired']);
    clock.set(MONDAY_MORNING + 10 * MINUTE);
    core.tick();
    expect(core.getTicket(served!.id)?.status).toBe('done');
    expect(core.getTicket(beingServed!.id)).toMatchObject({ status: 'waiting', finishedAt: null, counter: null });
    expect(core.getTicket(waiting!.id)).toMatchObject({ status: 'waiting', finishedAt: null });
    expect(core.getTicket(booking.id)?.status).toBe('expired');
    // Back in their old places, in front of a new ticket.
    const after = core.issue({ serviceId: TU_PHAP }).value;
    expect(after).toMatchObject({ number: '86004', ahead: 2 });
    expect([callNext(core, 86), callNext(core, 86), callNext(core, 86)]).toEqual(['86002', '86003', '86004']);
    // The same rule for a small step back across midnight: the day is not over yet for
    // the clock, so its tickets wait again until midnight comes (again).
    clock.set(vnTime('2026-11-24 00:00'));
    core.tick();
    expect(core.getTicket(after.id)?.status).toBe('expired');
    clock.set(vnTime('2026-11-23 23:58'));
    core.tick();
    expect(core.getTicket(after.id)?.status).toBe('waiting');
    expect(callNext(core, 86)).toBe('86004');
  });

  it('warns about the jump forward and the move back, oldest first', () => {
    const { core, clock } = jumpedAhead();
    expect(core.clockWarnings).toEqual([{ kind: 'forward', from: MONDAY_MORNING, to: AHEAD, atStart: false }]);
    const corrected = MONDAY_MORNING + 10 * MINUTE;
    clock.set(corrected);
    core.tick();
    expect(core.clockWarnings).toEqual([
      { kind: 'forward', from: MONDAY_MORNING, to: AHEAD, atStart: false },
      { kind: 'backwards', from: AHEAD, to: corrected, atStart: false },
    ]);
  });

  it('a restart after the correction still knows: back on D, numbers continue, the warning is kept', () => {
    const temp = jumpedAhead();
    temp.clock.set(MONDAY_MORNING + 10 * MINUTE);
    const restarted = temp.reopen();
    restarted.core.tick();
    expect(restarted.core.currentDay).toBe(D);
    expect(issueNumbers(restarted.core, TU_PHAP, 1)).toEqual(['86003']);
    expect(restarted.core.clockWarnings.map((w) => w.kind)).toEqual(['forward', 'backwards']);
    expect(restarted.core.clockWarnings[1]).toMatchObject({ from: AHEAD, atStart: true });
  });

  it('a restarted hub whose clock is behind the latest time it ever saw warns, even with no jump seen while running', () => {
    const temp = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    issueNumbers(temp.core, TU_PHAP, 1);
    temp.clock.set(MONDAY_MORNING + 30 * MINUTE);
    temp.core.tick();
    temp.core.acknowledgeClockWarnings(); // persists the latest reading
    // Off, and back on with a clock 20 minutes behind (a flat CMOS battery would be years).
    temp.clock.set(MONDAY_MORNING + 10 * MINUTE);
    const restarted = temp.reopen();
    expect(restarted.core.clockWarnings).toEqual([{ kind: 'backwards', from: MONDAY_MORNING + 30 * MINUTE, to: MONDAY_MORNING + 10 * MINUTE, atStart: true }]);
    expect(issueNumbers(restarted.core, TU_PHAP, 1)).toEqual(['86002']);
  });

  it('acknowledging clears the warnings for good (also after a restart)', () => {
    const temp = jumpedAhead();
    temp.clock.set(MONDAY_MORNING + 10 * MINUTE);
    temp.core.tick();
    temp.core.acknowledgeClockWarnings();
    expect(temp.core.clockWarnings).toEqual([]);
    temp.clock.advance({ minutes: 1 });
    expect(temp.core.tick().events).toEqual([]);
    expect(temp.core.clockWarnings).toEqual([]);
    expect(temp.reopen().core.clockWarnings).toEqual([]);
  });
});

describe('a clock that ran behind and was set right', () => {
  it('does not expire the tickets issued under the wrong, earlier day when the clock catches up', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    issueNumbers(core, TU_PHAP, 1);
    clock.set(vnTime('2026-11-16 08:00')); // a week behind
    const wrong = core.issue({ serviceId: TU_PHAP }).value;
    expect(wrong).toMatchObject({ day: '2026-11-16', number: '86001' });
    clock.set(MONDAY_MORNING + 5 * MINUTE);
    core.tick();
    expect(core.currentDay).toBe(D);
    expect(core.getTicket(wrong.id)?.status).toBe('waiting');
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86002']);
    expect(core.clockWarnings.map((w) => w.kind)).toEqual(['backwards', 'forward']);
    expect(callNext(core, 86)).toBe('86001'); // D's first, issued first
    expect(callNext(core, 86)).toBe('86001'); // the one of the wrong day
    clock.set(vnTime('2026-11-24 08:00'));
    core.tick();
    expect(core.getTicket(wrong.id)?.status).toBe('expired');
  });

  it('a machine that slept through the night is a jump ahead to a time never seen: the day rolls over as at midnight', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(vnTime('2026-11-23 16:30')) });
    const left = core.issue({ serviceId: TU_PHAP }).value;
    clock.set(vnTime('2026-11-24 07:45'));
    core.tick();
    expect(core.currentDay).toBe('2026-11-24');
    expect(core.getTicket(left.id)?.status).toBe('expired');
    expect(core.clockWarnings.map((w) => w.kind)).toEqual(['forward']);
  });
});

describe('small and large moves of the clock', () => {
  it('a clock going back within the day: numbers and the queue keep issue order, not wall time', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(vnTime('2026-11-23 10:00')) });
    const first = core.issue({ serviceId: TU_PHAP }).value;
    clock.set(vnTime('2026-11-23 09:00'));
    const second = core.issue({ serviceId: TU_PHAP }).value;
    expect([first.number, second.number]).toEqual(['86001', '86002']);
    expect(Date.parse(second.issuedAt)).toBeLessThan(Date.parse(first.issuedAt));
    expect(second.ahead).toBe(1);
    expect(core.views.counterQueue(86).waiting.map((t) => t.number)).toEqual(['86001', '86002']);
    expect(callNext(core, 86)).toBe('86001');
    expect(core.currentDay).toBe(D);
    expect(core.clockWarnings).toMatchObject([{ kind: 'backwards', from: vnTime('2026-11-23 10:00'), to: vnTime('2026-11-23 09:00') }]);
  });

  it('a clock going back within the day: the newest call stays first in the recent calls', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(vnTime('2026-11-23 10:00')) });
    issueNumbers(core, TU_PHAP, 1);
    issueNumbers(core, XNC, 1);
    expect(callNext(core, 86)).toBe('86001');
    clock.set(vnTime('2026-11-23 09:00'));
    expect(callNext(core, 66)).toBe('66001');
    expect(core.views.recentCalls().map((c) => c.number)).toEqual(['66001', '86001']);
  });

  it('a clock going back while a citizen is served: no negative service time in estimates or counter stats', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(vnTime('2026-11-23 10:00')) });
    issueNumbers(core, TU_PHAP, 3);
    callNext(core, 86); // 86001 called at 10:00
    clock.set(vnTime('2026-11-23 09:00'));
    callNext(core, 86); // 86001 done at 09:00 (-60 min), 86002 called at 09:00
    clock.set(vnTime('2026-11-23 09:04'));
    core.done(86, { deviceId: null }); // 86002 served in 4 minutes
    expect(core.views.counterQueue(86)).toMatchObject({ servedToday: 2, avgServiceMin: 2 });
    // With the -60 min duration the average was -28 and the estimate a negative number of
    // minutes. The estimator leaves it out: one citizen (86003) ahead at a 4–5 minute pace.
    issueNumbers(core, TU_PHAP, 1);
    const estimate = core.views.publicStatus('2026-11-23', '86004').estWaitMin;
    expect(estimate).toBeGreaterThanOrEqual(4);
    expect(estimate).toBeLessThanOrEqual(5);
  });

  it('an NTP step back of under a minute, or a forward gap of under an hour, is not a warning', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    clock.advance({ ms: FORWARD_JUMP_MS - 1000 });
    core.tick();
    clock.advance({ ms: -(BACKWARD_TOLERANCE_MS - 1000) });
    core.tick();
    expect(core.clockWarnings).toEqual([]);
    clock.advance({ ms: FORWARD_JUMP_MS + 1000 });
    core.tick();
    expect(core.clockWarnings.map((w) => w.kind)).toEqual(['forward']);
  });

  it('notices a jump on the first command after it, not only on the timer', () => {
    const { core, clock } = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    clock.set(AHEAD);
    core.issue({ serviceId: TU_PHAP });
    expect(core.clockWarnings.map((w) => w.kind)).toEqual(['forward']);
  });

  it('a jump noticed inside a group commit that failed is written again afterwards', () => {
    const temp = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    temp.clock.set(AHEAD);
    expect(() =>
      temp.core.inOneCommit(() => {
        temp.core.issue({ serviceId: TU_PHAP });
        throw new Error('the disk refused the commit');
      }),
    ).toThrow('the disk refused the commit');
    temp.core.resyncAfterFailedCommit();
    temp.core.tick();
    expect(temp.reopen().core.clockWarnings.map((w) => w.kind)).toEqual(['forward']);
  });

  it('a damaged clock record in the database counts as none', () => {
    const temp = openMemoryCore({ clock: new FakeClock(MONDAY_MORNING) });
    temp.store.transaction(() => temp.store.setMeta('clock_watch', '{"highWater":"soon"'));
    const restarted = temp.reopen();
    expect(restarted.core.clockWarnings).toEqual([]);
    expect(issueNumbers(restarted.core, TU_PHAP, 1)).toEqual(['86001']);
  });
});
