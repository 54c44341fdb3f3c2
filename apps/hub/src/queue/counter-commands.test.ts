import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { CLERK, callAll, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { ELDERLY, TU_PHAP, VISA, XNC } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';

const DAY = '2026-11-23';

describe('transfer', () => {
  /** Counter 86 serves 86001 (Tư pháp) while 66001 and 66002 wait for XNC. */
  function servingTuPhapWithXncWaiting() {
    const temp = openMemoryCore();
    issueNumbers(temp.core, TU_PHAP, 2); // 86001, 86002
    issueNumbers(temp.core, XNC, 2); // 66001, 66002
    expect(callNext(temp.core, 86)).toBe('86001');
    return temp;
  }

  it('moves the ticket to the head of the target queue and keeps its number', () => {
    const { core } = servingTuPhapWithXncWaiting();
    const { value } = core.transfer(86, XNC, CLERK);
    expect(value.ticket).toMatchObject({ number: '86001', serviceId: XNC, status: 'waiting', transferredFrom: TU_PHAP, counter: null, calledAt: null });
    expect(core.views.publicStatus(DAY, '86001')).toMatchObject({ serviceId: XNC, status: 'waiting', ahead: 0 });
    expect(core.views.publicStatus(DAY, '66001').ahead).toBe(1);
    expect(core.views.publicStatus(DAY, '66002').ahead).toBe(2);
    expect(callAll(core, 66)).toEqual(['86001', '66001', '66002']);
  });

  it('updates both queues and frees the counter', () => {
    const { core } = servingTuPhapWithXncWaiting();
    const { events } = core.transfer(86, XNC, CLERK);
    expect(core.views.serviceStatus(XNC).waiting).toBe(3);
    expect(core.views.serviceStatus(TU_PHAP).waiting).toBe(1);
    expect(core.views.counterView(86).current).toBeNull();
    expect(core.views.counterQueue(66).waiting.map((t) => t.number)).toEqual(['86001', '66001', '66002']);
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'queue-changed', serviceId: TU_PHAP },
        { type: 'queue-changed', serviceId: XNC },
        { type: 'counter-changed', counter: 86 },
      ]),
    );
    // The counter can go on with its own queue; the transferred ticket is no longer its current one.
    expectQueueError(() => core.done(86, CLERK), ErrorCode.CONFLICT);
  });

  it('lands in an empty queue and is called from there', () => {
    const { core } = servingTuPhapWithXncWaiting();
    core.transfer(86, VISA, CLERK);
    expect(core.views.publicStatus(DAY, '86001')).toMatchObject({ serviceId: VISA, ahead: 0 });
    const called = core.next(68, CLERK).value.ticket;
    expect(called).toMatchObject({ number: '86001', serviceId: VISA, counter: 68, transferredFrom: TU_PHAP });
    expect(core.views.serviceStatus(VISA).current).toBe('86001');
  });

  it('counts priority tickets of the target queue ahead of a transferred normal ticket', () => {
    const { core } = servingTuPhapWithXncWaiting();
    issueNumbers(core, XNC, 1, { priority: ELDERLY }); // 66003
    core.transfer(86, XNC, CLERK);
    expect(core.views.publicStatus(DAY, '86001').ahead).toBe(1);
    expect(callAll(core, 66)).toEqual(['66003', '86001', '66001', '66002']);
  });

  it('refuses a transfer to the same service with CONFLICT', () => {
    const { core } = servingTuPhapWithXncWaiting();
    expectQueueError(() => core.transfer(86, TU_PHAP, CLERK), ErrorCode.CONFLICT);
    expect(core.views.counterView(86).current).toBe('86001');
  });

  it('refuses a transfer to an unknown service with NOT_FOUND, and without a current ticket with CONFLICT', () => {
    const { core } = servingTuPhapWithXncWaiting();
    expectQueueError(() => core.transfer(86, 'khong-co', CLERK), ErrorCode.NOT_FOUND);
    expectQueueError(() => core.transfer(66, TU_PHAP, CLERK), ErrorCode.CONFLICT);
  });
});

describe('recall', () => {
  it('calls the current ticket again: recalls counted, ticket-called with recall true', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    callNext(core, 66);
    clock.advance({ seconds: 30 });
    const first = core.recall(66, CLERK);
    expect(first.value.ticket).toMatchObject({ number: '66001', status: 'called', recalls: 1 });
    const calls = first.events.filter((e) => e.type === 'ticket-called');
    expect(calls).toEqual([expect.objectContaining({ counter: 66, recall: true, at: clock.now(), ticket: expect.objectContaining({ number: '66001', recalls: 1 }) })]);
    expect(core.recall(66, CLERK).value.ticket?.recalls).toBe(2);
    expect(core.getTicket(first.value.ticket!.id)?.recalls).toBe(2);
    expect(core.views.counterView(66).current).toBe('66001');
    expect(core.views.serviceStatus(XNC).waiting).toBe(1);
  });

  it('refuses a recall with nothing being served with CONFLICT', () => {
    const { core } = openMemoryCore();
    expectQueueError(() => core.recall(66, CLERK), ErrorCode.CONFLICT);
  });
});

describe('done and skip', () => {
  it('done completes the current ticket and frees the counter', () => {
    const { core, clock } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    callNext(core, 66);
    clock.advance({ minutes: 5 });
    const { value, events } = core.done(66, CLERK);
    expect(value.ticket).toMatchObject({ number: '66001', status: 'done' });
    expect(core.getTicket(value.ticket!.id)?.finishedAt).toBe(clock.now());
    expect(core.views.counterView(66).current).toBeNull();
    expect(events).toContainEqual({ type: 'counter-changed', counter: 66 });
    expect(core.views.counterQueue(66).servedToday).toBe(1);
    expect(callNext(core, 66)).toBe('66002');
  });

  it('skip marks a no-show as skipped, not served', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    callNext(core, 66);
    expect(core.skip(66, CLERK).value.ticket).toMatchObject({ number: '66001', status: 'skipped' });
    expect(core.views.publicStatus(DAY, '66001')).toMatchObject({ status: 'skipped', ahead: 0 });
    expect(core.views.counterQueue(66).servedToday).toBe(0);
    expect(callNext(core, 66)).toBe('66002');
  });

  it('done and skip with nothing being served are refused with CONFLICT', () => {
    const { core } = openMemoryCore();
    expectQueueError(() => core.done(66, CLERK), ErrorCode.CONFLICT);
    expectQueueError(() => core.skip(66, CLERK), ErrorCode.CONFLICT);
  });
});
