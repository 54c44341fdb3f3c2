import { describe, expect, it } from 'vitest';
import { ErrorCode, UNDO_WINDOW_MS } from '@layso/shared';
import { CLERK, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { TU_PHAP, XNC } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';

const DAY = '2026-11-23';

/** Counter 86 serves 86001 (Tư pháp); 86002 waits behind it; 66001 waits for XNC. */
function serving() {
  const temp = openMemoryCore();
  issueNumbers(temp.core, TU_PHAP, 2);
  issueNumbers(temp.core, XNC, 1);
  expect(callNext(temp.core, 86)).toBe('86001');
  temp.clock.advance({ ms: 60_000 });
  return temp;
}

describe('undo of a counter action', () => {
  it.each([
    ['skip', 'skipped'],
    ['done', 'done'],
  ] as const)('takes back "%s": the ticket is served at the counter again, as before', (action, status) => {
    const { core, clock, store } = serving();
    const before = core.views.counterView(86);
    core[action](86, CLERK);
    expect(core.views.publicStatus(DAY, '86001').status).toBe(status);
    clock.advance({ ms: 4_000 });
    const { value, events } = core.undo(86, { number: '86001', action }, { ...CLERK, clerk: 'Nguyễn Văn An' });
    expect(value.ticket).toMatchObject({ number: '86001', status: 'called', counter: 86 });
    expect(core.views.counterView(86)).toEqual(before);
    expect(core.views.publicStatus(DAY, '86001')).toMatchObject({ status: 'called', counter: 86 });
    expect(events).toEqual(expect.arrayContaining([{ type: 'counter-changed', counter: 86 }, { type: 'queue-changed', serviceId: TU_PHAP }]));
    // No new call: the board must not announce it again.
    expect(events.some((e) => e.type === 'ticket-called')).toBe(false);
    const ticket = core.findTicket(DAY, '86001')!;
    expect(store.ticketEvents(ticket.id).map((e) => [e.kind, e.counter, e.clerk])).toEqual([
      ['issued', null, null],
      ['called', 86, null],
      [status, 86, null],
      ['undone', 86, 'Nguyễn Văn An'],
    ]);
    expect(ticket.finishedAt).toBeNull();
    // The counter goes on as if nothing happened: next finishes 86001 and calls 86002.
    expect(callNext(core, 86)).toBe('86002');
    expect(core.views.publicStatus(DAY, '86001').status).toBe('done');
  });

  it('takes back a transfer not yet called elsewhere: back in its service, served at this counter', () => {
    const { core, clock } = serving();
    const calledAt = core.findTicket(DAY, '86001')!.calledAt;
    core.transfer(86, XNC, CLERK);
    expect(core.views.counterQueue(66).waiting.map((t) => t.number)).toEqual(['86001', '66001']);
    clock.advance({ ms: 2_000 });
    const { events } = core.undo(86, { number: '86001', action: 'transfer' }, CLERK);
    expect(core.findTicket(DAY, '86001')).toMatchObject({ status: 'called', serviceId: TU_PHAP, counter: 86, calledAt, transferredFrom: null });
    expect(core.views.counterQueue(66).waiting.map((t) => t.number)).toEqual(['66001']);
    expect(core.views.counterView(86).current).toBe('86001');
    expect(events).toEqual(expect.arrayContaining([{ type: 'queue-changed', serviceId: TU_PHAP }, { type: 'queue-changed', serviceId: XNC }]));
  });

  it('refuses once the transferred ticket was called elsewhere', () => {
    const { core, clock } = serving();
    core.transfer(86, XNC, CLERK);
    expect(callNext(core, 66)).toBe('86001');
    clock.advance({ ms: 1_000 });
    expectQueueError(() => core.undo(86, { number: '86001', action: 'transfer' }, CLERK), ErrorCode.CONFLICT);
    expect(core.findTicket(DAY, '86001')).toMatchObject({ status: 'called', counter: 66 });
  });

  it(`refuses after ${UNDO_WINDOW_MS / 1000} s, and a second undo`, () => {
    const { core, clock } = serving();
    core.skip(86, CLERK);
    clock.advance({ ms: UNDO_WINDOW_MS + 1 });
    expectQueueError(() => core.undo(86, { number: '86001', action: 'skip' }, CLERK), ErrorCode.CONFLICT);
    expect(core.views.publicStatus(DAY, '86001').status).toBe('skipped');

    const again = serving();
    again.core.skip(86, CLERK);
    again.core.undo(86, { number: '86001', action: 'skip' }, CLERK);
    expectQueueError(() => again.core.undo(86, { number: '86001', action: 'skip' }, CLERK), ErrorCode.CONFLICT);
  });

  it("refuses another counter's action, an action the console did not show, and a counter that moved on", () => {
    const { core } = serving();
    core.skip(86, CLERK);
    expectQueueError(() => core.undo(66, { number: '86001', action: 'skip' }, CLERK), ErrorCode.CONFLICT);
    expectQueueError(() => core.undo(86, { number: '86001', action: 'done' }, CLERK), ErrorCode.CONFLICT);
    expectQueueError(() => core.undo(86, { number: '86002', action: 'skip' }, CLERK), ErrorCode.CONFLICT);
    expectQueueError(() => core.undo(86, { number: '86099', action: 'skip' }, CLERK), ErrorCode.NOT_FOUND);
    // The counter called the next number: the no-show stands.
    expect(callNext(core, 86)).toBe('86002');
    expectQueueError(() => core.undo(86, { number: '86001', action: 'skip' }, CLERK), ErrorCode.CONFLICT);
    expect(core.views.publicStatus(DAY, '86001').status).toBe('skipped');
  });

  it('refuses while the counter is paused after the action', () => {
    const { core } = serving();
    core.done(86, CLERK);
    core.pause(86, CLERK);
    expectQueueError(() => core.undo(86, { number: '86001', action: 'done' }, CLERK), ErrorCode.CONFLICT);
  });
});
