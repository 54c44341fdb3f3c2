import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { vnTime } from '../testing/fake-clock.js';
import { CLERK, callAll, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { ELDERLY, TU_PHAP, VISA, XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore, type MemoryCore } from '../testing/memory-core.js';

const DAY = '2026-11-23';

/** Counter 66 serves XNC tickets for the given minutes each, one after the other. */
function serveAt66(temp: MemoryCore, minutes: number[]): void {
  for (const m of minutes) {
    callNext(temp.core, 66);
    temp.clock.advance({ minutes: m });
    temp.core.done(66, CLERK);
  }
}

describe('people ahead, in the order the counters will call them (issue 15)', () => {
  const interleaved = testCenter({ priorityPolicy: { policy: 'interleaved', every: 2 } });

  it('counts, under interleaved, the older normal tickets called before a priority ticket in its turn', () => {
    const { core } = openMemoryCore({ config: interleaved });
    const normal = issueNumbers(core, VISA, 2); // counter 68 called nobody yet: no overtaking allowed
    const elderly = core.issue({ serviceId: VISA, priority: ELDERLY }).value;
    // Called third, after 10 minutes of the two before it: what it is told matches.
    expect(elderly).toMatchObject({ ahead: 2, estWaitMin: 10 });
    expect(core.views.publicStatus(DAY, elderly.number).ahead).toBe(2);
    expect(callAll(core, 68)).toEqual([...normal, elderly.number]);
  });

  it('does not count a younger priority ticket that may not overtake, and counts one that will', () => {
    const { core } = openMemoryCore({ config: interleaved });
    const [first] = issueNumbers(core, VISA, 1);
    issueNumbers(core, VISA, 1, { priority: ELDERLY });
    expect(core.views.publicStatus(DAY, first!).ahead).toBe(0);
    expect(callNext(core, 68)).toBe(first);

    const { core: other } = openMemoryCore({ config: interleaved });
    issueNumbers(other, VISA, 3);
    callNext(other, 68);
    callNext(other, 68); // two normal calls: the next priority ticket may overtake
    const [third] = [...other.views.counterQueue(68).waiting.map((t) => t.number)];
    const [overtaking] = issueNumbers(other, VISA, 1, { priority: ELDERLY });
    expect(other.views.publicStatus(DAY, third!).ahead).toBe(1);
    expect(other.views.publicStatus(DAY, overtaking!).ahead).toBe(0);
    expect(callAll(other, 68)).toEqual([overtaking, third]);
  });
});

describe('estimated wait', () => {
  // XNC is served by counters 86 (also Tư pháp) and 66; the test center assumes 5 minutes per citizen.
  it('replays the counters: with both XNC counters free and 3 ahead, the 4th is called when the first two finish', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 3);
    expect(core.issue({ serviceId: XNC }).value).toMatchObject({ ahead: 3, estWaitMin: 5 });
  });

  it('tells a ticket one number on every reading, held while the range it was shown stays true', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, VISA, 4); // counter 68 alone, 5 minutes each
    const mine = core.issue({ serviceId: VISA }).value;
    expect(mine.estWaitMin).toBe(20); // "khoảng 15–30 phút" on the kiosk and the paper
    callNext(core, 68);
    clock.advance({ minutes: 3 });
    // Freshly 2 + 3 × 5 = 17 minutes, still inside 15–30: the phone page says what the kiosk said.
    expect(core.views.publicStatus(DAY, mine.number).estWaitMin).toBe(20);
    clock.advance({ minutes: 2 });
    callNext(core, 68);
    clock.advance({ minutes: 4 });
    // 1 + 2 × 5 = 11 minutes: the old range is no longer true, the new number is shown.
    expect(core.views.publicStatus(DAY, mine.number).estWaitMin).toBe(11);
  });

  it('reads the default from the configuration', () => {
    const { core } = openMemoryCore({ config: testCenter({ defaultServiceMinutes: 7 }) });
    issueNumbers(core, VISA, 2);
    expect(core.views.serviceStatus(VISA).estWaitMin).toBe(14);
  });

  it('is zero for the first in line while a counter is free, otherwise the time until one is', () => {
    const { core, clock } = openMemoryCore();
    expect(core.issue({ serviceId: VISA }).value).toMatchObject({ ahead: 0, estWaitMin: 0 });
    callNext(core, 68);
    clock.advance({ minutes: 2 });
    // Counter 68 is 2 minutes into a 5-minute ticket: a priority citizen with nobody ahead still waits for it.
    expect(core.issue({ serviceId: VISA, priority: ELDERLY }).value).toMatchObject({ ahead: 0, estWaitMin: 3 });
  });

  it('waits for older tickets of other services at a shared counter', () => {
    const { core } = openMemoryCore();
    core.pause(66, CLERK); // only counter 86 serves XNC now
    issueNumbers(core, TU_PHAP, 3); // older, and counter 86 calls in arrival order
    // XNC has nobody ahead, yet the 86 counter serves three Tư pháp citizens first.
    expect(core.issue({ serviceId: XNC }).value).toMatchObject({ ahead: 0, estWaitMin: 15 });
  });

  it('learns the service time from the counters, and one long case does not swing it', () => {
    const temp = openMemoryCore();
    issueNumbers(temp.core, XNC, 12);
    serveAt66(temp, [2, 2, 2, 2, 2]);
    const quick = temp.core.views.serviceStatus(XNC).estWaitMin;
    expect(quick).toBeLessThan(Math.ceil((7 * 5) / 2)); // shorter than the default would say
    serveAt66(temp, [90]); // one very long case
    const after = temp.core.views.serviceStatus(XNC);
    // A plain mean of today's times (17 minutes) would say about 6 × 17 ÷ 2 = 51 minutes.
    expect(after.waiting).toBe(6);
    expect(after.estWaitMin).toBeLessThan(25);
  });

  it('takes a paused counter out until its break is expected to end, and back when it resumes', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 4);
    expect(core.views.serviceStatus(XNC).estWaitMin).toBe(10);
    core.pause(66, CLERK);
    const paused = core.views.serviceStatus(XNC).estWaitMin;
    expect(paused).toBeGreaterThan(10);
    expect(paused).toBeLessThanOrEqual(25);
    core.resume(66, CLERK);
    expect(core.views.serviceStatus(XNC).estWaitMin).toBe(10);
  });

  it('waits through the lunch break: a ticket taken at 11:25 is not called before 13:30', () => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime('2026-11-23 11:25'));
    issueNumbers(core, VISA, 2); // counter 68 alone: 0, 5 and 10 minutes of service ahead
    // 5 minutes before the break, then 5 more from 13:30: called at 13:35, 130 minutes later.
    expect(core.issue({ serviceId: VISA }).value).toMatchObject({ ahead: 2, estWaitMin: 130 });
  });

  it('says the same on every read while the queue does not change', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 6);
    const first = core.views.publicStatus(DAY, '66006').estWaitMin;
    for (let i = 0; i < 5; i += 1) expect(core.views.publicStatus(DAY, '66006').estWaitMin).toBe(first);
    expect(core.views.serviceStatus(XNC).estWaitMin).toBeGreaterThanOrEqual(first);
  });

  it('in a burst of tickets at one instant, extends the last replay: estimates keep growing with the queue', () => {
    const { core } = openMemoryCore();
    const shown = Array.from({ length: 30 }, () => core.issue({ serviceId: XNC }).value.estWaitMin);
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1]!);
    // Exactly: two counters, 29 ahead, 5 minutes each, so the 30th is called after 14 rounds (70 minutes).
    expect(shown.at(-1)).toBeGreaterThanOrEqual(60);
    expect(shown.at(-1)).toBeLessThanOrEqual(80);
  });

  it('after a hub restart, reads back today’s service times instead of starting from the default', () => {
    const temp = openMemoryCore();
    issueNumbers(temp.core, VISA, 8);
    for (let i = 0; i < 4; i += 1) {
      callNext(temp.core, 68);
      temp.clock.advance({ minutes: 2 });
      temp.core.done(68, CLERK);
    }
    const before = temp.core.views.serviceStatus(VISA).estWaitMin;
    const after = temp.reopen().core.views.serviceStatus(VISA).estWaitMin;
    // The default (5 minutes × 4 waiting) would say 20; the counter's own pace is not kept, so a minute may differ.
    expect(before).toBeLessThan(15);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
  });

  it('forgets yesterday’s durations on a new day', () => {
    const temp = openMemoryCore();
    temp.clock.set(vnTime('2026-11-23 16:00'));
    issueNumbers(temp.core, XNC, 1);
    serveAt66(temp, [20]);
    temp.clock.set(vnTime('2026-11-24 08:00'));
    issueNumbers(temp.core, XNC, 2);
    // Two counters call the two at once; the next is called after the default 5 minutes, not yesterday's 20.
    expect(temp.core.views.serviceStatus(XNC).estWaitMin).toBe(5);
  });
});

describe('ahead', () => {
  it('counts waiting priority tickets ahead of a normal one', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2); // 66001, 66002
    const priority = core.issue({ serviceId: XNC, priority: ELDERLY }).value; // 66003
    expect(priority.ahead).toBe(0);
    expect(core.views.publicStatus(DAY, '66001').ahead).toBe(1);
    expect(core.views.publicStatus(DAY, '66002').ahead).toBe(2);
    expect(core.issue({ serviceId: XNC }).value.ahead).toBe(3);
  });

  it('counts older priority tickets ahead of a priority one', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    issueNumbers(core, XNC, 2, { priority: ELDERLY });
    expect(core.views.publicStatus(DAY, '66003').ahead).toBe(1);
  });

  it('only counts the ticket’s own service and only open tickets', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, TU_PHAP, 2);
    issueNumbers(core, XNC, 3);
    callNext(core, 66); // 66001 called
    expect(core.views.publicStatus(DAY, '66003').ahead).toBe(1);
    expect(core.views.publicStatus(DAY, '66001').ahead).toBe(0);
  });
});

describe('catalog and service status', () => {
  it('shows no current transaction before the first call, then the number called last', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 3);
    expect(core.views.serviceStatus(XNC)).toEqual({ current: null, waiting: 3, estWaitMin: 5, full: false });
    callNext(core, 66);
    callNext(core, 86);
    expect(core.views.serviceStatus(XNC)).toMatchObject({ current: '66002', waiting: 1 });
    core.done(86, CLERK);
    expect(core.views.serviceStatus(XNC).current).toBe('66002');
    expect(core.views.serviceStatus(TU_PHAP).current).toBeNull();
  });

  it('lists areas, services and counters with their live state', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, VISA, 2);
    callNext(core, 68);
    core.pause(66, CLERK);
    const catalog = core.views.catalog();
    expect(catalog).toMatchObject({ day: DAY, open: true, center: { timeZone: 'Asia/Ho_Chi_Minh' } });
    expect(catalog.priorityCategories.map((c) => c.id)).toEqual([ELDERLY, 'nguoi-khuyet-tat']);
    expect(catalog.areas[0]!.services.map((s) => [s.id, s.prefix, s.current, s.waiting])).toEqual([
      [TU_PHAP, '86', null, 0],
      [XNC, '66', null, 0],
      [VISA, '68', '68001', 1],
    ]);
    expect(catalog.counters).toEqual([
      { number: 86, name: 'Quầy 86', areaId: 'tang-3', serviceIds: [TU_PHAP, XNC], status: 'open', current: null },
      { number: 66, name: 'Quầy 66', areaId: 'tang-3', serviceIds: [XNC], status: 'paused', current: null },
      { number: 68, name: 'Quầy 68', areaId: 'tang-3', serviceIds: [VISA], status: 'open', current: '68001' },
    ]);
  });

  it('reports the center closed outside opening hours', () => {
    const { core, clock } = openMemoryCore();
    clock.set(vnTime('2026-11-23 12:15'));
    expect(core.views.catalog().open).toBe(false);
  });
});

describe('publicStatus', () => {
  it('shows a waiting ticket’s place and the service’s current transaction, no personal data', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 3);
    callNext(core, 66);
    expect(core.views.publicStatus(DAY, '66003')).toEqual({
      number: '66003',
      day: DAY,
      serviceId: XNC,
      status: 'waiting',
      ahead: 1,
      current: '66001',
      counter: null,
      // Counter 86 is free and calls 66002 at once; 66003 waits for the first counter to finish.
      estWaitMin: 5,
    });
  });

  it('tells a called citizen which counter to go to', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    callNext(core, 86);
    expect(core.views.publicStatus(DAY, '66001')).toMatchObject({ status: 'called', counter: 86, ahead: 0, estWaitMin: 0 });
    core.done(86, CLERK);
    expect(core.views.publicStatus(DAY, '66001')).toMatchObject({ status: 'done', counter: null });
  });

  it('answers NOT_FOUND for a number that was not issued that day', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    expectQueueError(() => core.views.publicStatus(DAY, '66002'), ErrorCode.NOT_FOUND);
    expectQueueError(() => core.views.publicStatus('2026-11-22', '66001'), ErrorCode.NOT_FOUND);
  });

  it('shows no current transaction for a ticket of an earlier day', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    clock.set(vnTime('2026-11-24 08:00'));
    issueNumbers(core, XNC, 1);
    callNext(core, 66);
    expect(core.views.publicStatus(DAY, '66001')).toMatchObject({ status: 'expired', current: null, ahead: 0 });
  });
});

describe('counterQueue', () => {
  it('lists the counter’s waiting tickets in call order across its services', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1); // 66001
    issueNumbers(core, TU_PHAP, 1); // 86001
    issueNumbers(core, VISA, 1); // not served by 86
    issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66002
    const queue = core.views.counterQueue(86);
    expect(queue.waiting.map((t) => t.number)).toEqual(['66002', '66001', '86001']);
    expect(queue.serving).toBeNull();
  });

  it('shows the ticket being served, tickets served today and their average minutes', () => {
    const temp = openMemoryCore();
    issueNumbers(temp.core, XNC, 4);
    serveAt66(temp, [3, 4]);
    callNext(temp.core, 66);
    temp.core.skip(66, CLERK); // a no-show is not "served"
    callNext(temp.core, 86); // another counter's work does not count for 66
    temp.clock.advance({ minutes: 10 });
    temp.core.done(86, CLERK);
    const queue66 = temp.core.views.counterQueue(66);
    expect(queue66).toMatchObject({ servedToday: 2, avgServiceMin: 3.5, waiting: [] });
    expect(temp.core.views.counterQueue(86)).toMatchObject({ servedToday: 1, avgServiceMin: 10 });
    expect(temp.core.views.counterQueue(68)).toMatchObject({ servedToday: 0, avgServiceMin: null });
  });

  it('shows the ticket in service', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    callNext(core, 66);
    const queue = core.views.counterQueue(66);
    expect(queue.serving).toMatchObject({ number: '66001', status: 'called', counter: 66 });
    expect(queue.waiting.map((t) => t.number)).toEqual(['66002']);
    expect(queue.counter).toMatchObject({ number: 66, current: '66001' });
  });
});
