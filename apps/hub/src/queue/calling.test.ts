import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { CLERK, callAll, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { ELDERLY, TU_PHAP, VISA, XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';

const interleaved = (every: number) => testCenter({ priorityPolicy: { policy: 'interleaved', every } });

describe('next: FIFO across the services of a counter', () => {
  // Counter 86 lists Tư pháp before XNC; order of arrival must win, not order of services.
  it('calls the oldest waiting ticket regardless of its service', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1); // 66001, oldest
    issueNumbers(core, TU_PHAP, 1); // 86001
    issueNumbers(core, XNC, 1); // 66002
    issueNumbers(core, TU_PHAP, 1); // 86002
    expect(callAll(core, 86)).toEqual(['66001', '86001', '66002', '86002']);
  });

  it('does not drain the first listed service before an older ticket of the second', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 3);
    issueNumbers(core, TU_PHAP, 1);
    expect(callNext(core, 86)).toBe('66001');
    expect(callNext(core, 86)).toBe('66002');
  });

  it('only calls tickets of the services the counter serves', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, VISA, 1);
    issueNumbers(core, TU_PHAP, 1);
    expect(callAll(core, 66)).toEqual([]);
    expect(callAll(core, 86)).toEqual(['86001']);
    expect(core.views.serviceStatus(VISA).waiting).toBe(1);
  });

  it('shares one queue between the counters serving a service', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 3);
    expect(callNext(core, 66)).toBe('66001');
    expect(callNext(core, 86)).toBe('66002');
    expect(callNext(core, 66)).toBe('66003');
    expect(callNext(core, 86)).toBeNull();
  });

  it('returns { ticket: null } and clears the counter when nobody waits', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, TU_PHAP, 1);
    callNext(core, 86);
    const outcome = core.next(86, CLERK);
    expect(outcome.value).toEqual({ ticket: null });
    expect(core.views.publicStatus('2026-11-23', '86001').status).toBe('done');
    expect(core.views.counterView(86).current).toBeNull();
    expect(outcome.events).toContainEqual({ type: 'counter-changed', counter: 86 });
  });

  it('marks the called ticket and emits ticket-called, queue-changed and counter-changed', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, TU_PHAP, 1);
    clock.advance({ minutes: 3 });
    const { value, events } = core.next(86, { deviceId: null, clerk: 'Nguyễn Văn A' });
    expect(value.ticket).toMatchObject({ number: '86001', status: 'called', counter: 86, recalls: 0, calledAt: new Date(clock.now()).toISOString() });
    expect(events).toContainEqual(expect.objectContaining({ type: 'ticket-called', counter: 86, recall: false, at: clock.now() }));
    expect(events).toContainEqual({ type: 'queue-changed', serviceId: TU_PHAP });
    expect(events).toContainEqual({ type: 'counter-changed', counter: 86 });
    expect(core.getTicket(value.ticket!.id)).toMatchObject({ clerk: 'Nguyễn Văn A', firstCalledAt: clock.now() });
  });

  it('completes the ticket being served when next is pressed', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, TU_PHAP, 2);
    const first = core.next(86, CLERK).value.ticket!;
    clock.advance({ minutes: 4 });
    callNext(core, 86);
    expect(core.getTicket(first.id)).toMatchObject({ status: 'done', finishedAt: clock.now() });
  });

  it('rejects an unknown counter with NOT_FOUND', () => {
    const { core } = openMemoryCore();
    expectQueueError(() => core.next(99, CLERK), ErrorCode.NOT_FOUND);
  });
});

describe('priority policy: strict', () => {
  it('serves every priority ticket before any normal one, oldest first', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2); // 66001, 66002
    issueNumbers(core, XNC, 2, { priority: ELDERLY }); // 66003, 66004
    issueNumbers(core, XNC, 1); // 66005
    expect(callAll(core, 66)).toEqual(['66003', '66004', '66001', '66002', '66005']);
  });

  it('puts a priority ticket of another service before an older normal ticket', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    issueNumbers(core, TU_PHAP, 1, { priority: ELDERLY });
    expect(callAll(core, 86)).toEqual(['86001', '66001', '66002']);
  });
});

describe('priority policy: interleaved every N', () => {
  it('lets a priority ticket overtake older normal ones once per N normal calls', () => {
    const { core } = openMemoryCore({ config: interleaved(2) });
    issueNumbers(core, XNC, 6); // 66001–66006
    issueNumbers(core, XNC, 4, { priority: ELDERLY }); // 66007–66010
    expect(callAll(core, 66)).toEqual(['66001', '66002', '66007', '66003', '66004', '66008', '66005', '66006', '66009', '66010']);
  });

  it('never calls a priority ticket later than its arrival: the first ticket of the day is called first (issue 15)', () => {
    const { core } = openMemoryCore({ config: interleaved(2) });
    const [elderly] = issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66001, "0 người" ahead
    issueNumbers(core, XNC, 2); // 66002, 66003 came later
    expect(callNext(core, 66)).toBe(elderly);
    expect(callAll(core, 66)).toEqual(['66002', '66003']);
  });

  it('calls priority tickets that are already the oldest in their turn, without waiting for the streak', () => {
    const { core } = openMemoryCore({ config: interleaved(3) });
    issueNumbers(core, XNC, 1); // 66001
    issueNumbers(core, XNC, 2, { priority: ELDERLY }); // 66002, 66003
    issueNumbers(core, XNC, 1); // 66004
    expect(callAll(core, 66)).toEqual(['66001', '66002', '66003', '66004']);
  });

  it('serves a priority ticket at once when no normal ticket waits', () => {
    const { core } = openMemoryCore({ config: interleaved(3) });
    issueNumbers(core, XNC, 1, { priority: ELDERLY });
    expect(callNext(core, 66)).toBe('66001');
  });

  it('serves normal tickets in order when no priority ticket waits, and the streak carries on', () => {
    const { core } = openMemoryCore({ config: interleaved(2) });
    issueNumbers(core, XNC, 3);
    expect(callAll(core, 66)).toEqual(['66001', '66002', '66003']);
    // Three normal tickets served since the last priority one: the next priority ticket goes first.
    issueNumbers(core, XNC, 1); // 66004
    issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66005
    expect(callAll(core, 66)).toEqual(['66005', '66004']);
  });

  it('counts the streak per counter', () => {
    const { core } = openMemoryCore({ config: interleaved(1) });
    issueNumbers(core, XNC, 2); // 66001, 66002
    issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66003
    expect(callNext(core, 66)).toBe('66001'); // counter 66 streak 1
    expect(callNext(core, 86)).toBe('66002'); // counter 86 streak 1
    issueNumbers(core, XNC, 1); // 66004
    expect(callNext(core, 66)).toBe('66003');
    expect(callNext(core, 66)).toBe('66004');
  });
});

describe('the counter queue list shows the order `next` will call', () => {
  const waitingList = (core: ReturnType<typeof openMemoryCore>['core'], counter: number) => core.views.counterQueue(counter).waiting.map((t) => t.number);

  it.each([
    ['strict', testCenter()],
    ['interleaved every 2', interleaved(2)],
    ['interleaved every 3', interleaved(3)],
  ])('%s, across two services and a streak already under way', (_label, config) => {
    const { core } = openMemoryCore({ config });
    issueNumbers(core, XNC, 2); // 66001, 66002
    expect(callNext(core, 86)).toBe('66001'); // counter 86 has a streak of one normal ticket
    issueNumbers(core, TU_PHAP, 2, { priority: ELDERLY }); // 86001, 86002
    issueNumbers(core, XNC, 3); // 66003–66005
    issueNumbers(core, TU_PHAP, 2); // 86003, 86004
    issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66006
    const listed = waitingList(core, 86);
    expect(listed).toHaveLength(9);
    expect(callAll(core, 86)).toEqual(listed);
  });

  it('lists priority tickets that sit beyond the first page of a long queue (strict calls them first)', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 8);
    issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66009
    expect(core.views.counterQueue(66, 3).waiting.map((t) => t.number)).toEqual(['66009', '66001', '66002']);
  });
});

describe('pause and resume', () => {
  it('pause completes the ticket being served and takes the counter off the queue', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    callNext(core, 66);
    clock.advance({ minutes: 2 });
    const { value, events } = core.pause(66, CLERK);
    expect(value.ticket).toMatchObject({ number: '66001', status: 'done' });
    expect(core.getTicket(value.ticket!.id)).toMatchObject({ status: 'done', finishedAt: clock.now() });
    expect(core.views.counterView(66)).toMatchObject({ status: 'paused', current: null });
    expect(events).toContainEqual({ type: 'counter-changed', counter: 66 });
    expect(events).toContainEqual({ type: 'queue-changed', serviceId: XNC });
  });

  it('refuses next on a paused counter with CONFLICT and calls nobody', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    core.pause(66, CLERK);
    expectQueueError(() => core.next(66, CLERK), ErrorCode.CONFLICT);
    expect(core.views.publicStatus('2026-11-23', '66001').status).toBe('waiting');
    expect(callNext(core, 86)).toBe('66001');
  });

  it('pausing a paused counter and resuming an open one change nothing', () => {
    const { core } = openMemoryCore();
    core.pause(66, CLERK);
    expect(core.pause(66, CLERK)).toEqual({ value: { ticket: null }, events: [] });
    core.resume(66, CLERK);
    expect(core.resume(66, CLERK)).toEqual({ value: { ticket: null }, events: [] });
  });

  it('resume lets the counter call again', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    core.pause(66, CLERK);
    const { events } = core.resume(66, CLERK);
    expect(core.views.counterView(66).status).toBe('open');
    expect(events).toContainEqual({ type: 'counter-changed', counter: 66 });
    expect(callNext(core, 66)).toBe('66001');
  });
});
