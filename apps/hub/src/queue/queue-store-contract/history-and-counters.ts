import { describe, expect, it } from 'vitest';
import type { QueueStore, TicketRecord } from '../ports.js';
import { DAY, NEXT_DAY, A, B, T0, MIN, seed, numbers, event, serve } from './fixtures.js';

/** Service times, calls, counter state, current numbers and command results. */
export function describeHistoryAndFigures(open: () => QueueStore): void {
  describe('service times and calls', () => {
    it('gives the latest service durations of a service and day, newest finish first, leaving out negative ones', () => {
      const store = open();
      const t = seed(store, {}, {}, {}, {}, { serviceId: B, prefix: '66' }, { day: NEXT_DAY }, {});
      serve(store, t[0]!, 1, T0, 4);
      serve(store, t[1]!, 1, T0 + 10 * MIN, 2);
      serve(store, t[2]!, 2, T0 + 5 * MIN, 9); // finishes last
      serve(store, t[3]!, 2, T0 + 30 * MIN, -3); // a clock set back during service
      serve(store, t[4]!, 1, T0, 7); // another service
      serve(store, t[5]!, 1, T0, 8); // another day
      serve(store, t[6]!, 1, T0, 6, 'skipped');
      expect(store.recentServiceDurations(A, DAY, 10)).toEqual([9 * MIN, 2 * MIN, 4 * MIN]);
      expect(store.recentServiceDurations(A, DAY, 2)).toEqual([9 * MIN, 2 * MIN]);
      expect(store.recentServiceDurations(A, NEXT_DAY, 10)).toEqual([8 * MIN]);
    });

    it('sees a ticket finished after the last read, and forgets one taken back by a rollback', () => {
      const store = open();
      const t = seed(store, {}, {}, {});
      serve(store, t[0]!, 1, T0, 4);
      expect(store.recentServiceDurations(A, DAY, 20)).toEqual([4 * MIN]);
      serve(store, t[1]!, 1, T0 + 5 * MIN, 3);
      expect(store.recentServiceDurations(A, DAY, 20)).toEqual([3 * MIN, 4 * MIN]);
      expect(() =>
        store.transaction(() => {
          serve(store, t[2]!, 1, T0 + 9 * MIN, 1);
          expect(store.recentServiceDurations(A, DAY, 20)).toEqual([1 * MIN, 3 * MIN, 4 * MIN]);
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      expect(store.recentServiceDurations(A, DAY, 20)).toEqual([3 * MIN, 4 * MIN]);
    });

    it('gives a counter’s day: tickets done there and their mean service time (a negative one counts as 0)', () => {
      const store = open();
      expect(store.counterDayStats(1, DAY)).toEqual({ served: 0, avgServiceMs: null });
      const t = seed(store, {}, {}, {}, {}, {}, { day: NEXT_DAY });
      serve(store, t[0]!, 1, T0, 4);
      serve(store, t[1]!, 1, T0 + 10 * MIN, 8);
      serve(store, t[2]!, 1, T0 + 20 * MIN, -6);
      serve(store, t[3]!, 1, T0 + 30 * MIN, 5, 'skipped');
      serve(store, t[4]!, 2, T0, 1);
      serve(store, t[5]!, 1, T0, 1);
      expect(store.counterDayStats(1, DAY)).toEqual({ served: 3, avgServiceMs: 4 * MIN });
      expect(store.counterDayStats(2, DAY)).toEqual({ served: 1, avgServiceMs: 1 * MIN });
    });

    it('lists a day’s calls newest first by the order they happened, not by their clock times', () => {
      const store = open();
      const t = seed(store, {}, {}, {}, {}, { day: NEXT_DAY });
      const call = (ticket: TicketRecord, at: number) => {
        store.updateTicket(ticket.id, { status: 'called', calledAt: at, counter: 1 });
        store.addTicketEvent(event(ticket.id, 'called', 1, at));
      };
      call(t[0]!, T0 + 10 * MIN);
      call(t[1]!, T0 + 20 * MIN);
      call(t[2]!, T0 + 5 * MIN); // after the clock was set back
      call(t[4]!, T0 + 30 * MIN); // another day
      call(t[0]!, T0 + 6 * MIN); // called again (skipped, restored, called)
      expect(numbers(store.recentCalls(DAY, 10))).toEqual(['86001', '86003', '86002']);
      expect(numbers(store.recentCalls(DAY, 2))).toEqual(['86001', '86003']);
      expect(numbers(store.recentCalls(NEXT_DAY, 10))).toEqual(['86005']);
    });
  });
}

export function describeCountersAndCommands(open: () => QueueStore): void {
  describe('counters, current numbers and command results', () => {
    it('keeps each counter’s state, the last save winning', () => {
      const store = open();
      const [t] = seed(store, {});
      expect(store.getCounterState(1)).toBeNull();
      store.saveCounterState({ number: 1, status: 'open', currentTicketId: t!.id, normalStreak: 2 }, T0);
      store.saveCounterState({ number: 2, status: 'paused', currentTicketId: null, normalStreak: 0 }, T0);
      store.saveCounterState({ number: 1, status: 'open', currentTicketId: null, normalStreak: 3 }, T0 + 1);
      expect([store.getCounterState(1), store.getCounterState(2)]).toEqual([
        { number: 1, status: 'open', currentTicketId: null, normalStreak: 3 },
        { number: 2, status: 'paused', currentTicketId: null, normalStreak: 0 },
      ]);
      // A counter can only serve a ticket that exists.
      expect(() => store.saveCounterState({ number: 3, status: 'open', currentTicketId: 999, normalStreak: 0 }, T0)).toThrow();
      expect(store.getCounterState(3)).toBeNull();
    });

    it('keeps each service’s current number for its day only', () => {
      const store = open();
      expect(store.getServiceCurrent(A, DAY)).toBeNull();
      store.setServiceCurrent(A, DAY, '86001');
      store.setServiceCurrent(B, DAY, '66004');
      store.setServiceCurrent(A, DAY, '86002');
      expect([store.getServiceCurrent(A, DAY), store.getServiceCurrent(B, DAY), store.getServiceCurrent(A, NEXT_DAY)]).toEqual(['86002', '66004', null]);
      // A new day's first call replaces the old day's number.
      store.setServiceCurrent(A, NEXT_DAY, '86001');
      expect([store.getServiceCurrent(A, NEXT_DAY), store.getServiceCurrent(A, DAY)]).toEqual(['86001', null]);
    });

    it('keeps one result per device and request id, refusing a second', () => {
      const store = open();
      expect(store.getCommandResult(1, 'r-1')).toBeNull();
      store.saveCommandResult(1, 'r-1', '{"ticket":null}', T0);
      store.saveCommandResult(2, 'r-1', '{"ticket":1}', T0);
      expect(() => store.saveCommandResult(1, 'r-1', '{"ticket":2}', T0)).toThrow();
      expect([store.getCommandResult(1, 'r-1'), store.getCommandResult(2, 'r-1'), store.getCommandResult(1, 'r-2')]).toEqual(['{"ticket":null}', '{"ticket":1}', null]);
    });
  });
}
