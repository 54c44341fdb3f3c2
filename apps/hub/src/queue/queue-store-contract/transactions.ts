import { describe, expect, it } from 'vitest';
import type { QueueStore, TicketRecord } from '../ports.js';
import { DAY, NEXT_DAY, A, T0, newTicket, seed, filter, numbers, event, config } from './fixtures.js';

/** Transactions: what a commit keeps and a (nested) rollback takes back. */
export function describeTransactions(open: () => QueueStore): void {
  describe('transaction', () => {
    it('returns what its function returns and keeps the writes', () => {
      const store = open();
      expect(store.transaction(() => seed(store, {}, {}).length)).toBe(2);
      expect(store.countOpen(filter(A))).toBe(2);
    });

    it('takes back every kind of write when its function throws, and rethrows the same error', () => {
      const store = open();
      const [kept] = seed(store, {});
      store.setMeta('day', DAY);
      const failure = new Error('boom');
      expect(() =>
        store.transaction(() => {
          store.saveConfig(config('Trung tâm'), T0);
          store.setMeta('day', NEXT_DAY);
          store.setLastSeq(DAY, '86', 5);
          const t = store.insertTicket(newTicket(2, { deviceId: 1, requestId: 'r-1', bookingRef: 'BK-1' }));
          store.updateTicket(kept!.id, { status: 'called', counter: 1, calledAt: T0 });
          store.addTicketEvent(event(t.id, 'issued'));
          store.saveCounterState({ number: 1, status: 'paused', currentTicketId: kept!.id, normalStreak: 2 }, T0);
          store.setServiceCurrent(A, DAY, '86001');
          store.saveCommandResult(1, 'r-2', '{}', T0);
          throw failure;
        }),
      ).toThrow(failure);
      expect(store.loadConfig()).toBeNull();
      expect(store.getMeta('day')).toBe(DAY);
      expect(store.lastSeq(DAY, '86')).toBe(0);
      expect(store.getTicket(kept!.id)).toEqual(kept);
      expect(store.getTicketByNumber(DAY, '86002')).toBeNull();
      expect(store.getTicketByRequest(1, 'r-1')).toBeNull();
      expect(store.getTicketByBookingRef('BK-1')).toBeNull();
      expect(store.ticketEvents(kept!.id)).toEqual([]);
      expect(store.getCounterState(1)).toBeNull();
      expect(store.getServiceCurrent(A, DAY)).toBeNull();
      expect(store.getCommandResult(1, 'r-2')).toBeNull();
      // Counts and queue reads follow the rollback too (a store may keep them in memory).
      expect(store.countOpen(filter(A))).toBe(1);
      expect(store.countOpenBefore(filter(A), Number.MAX_SAFE_INTEGER, 0)).toBe(1);
      expect(numbers(store.listOpen(filter(A), 10))).toEqual(['86001']);
      expect(store.queueHead(filter(A), false)?.number).toBe('86001');
      // The unique keys the rolled-back ticket held are free again.
      expect(store.insertTicket(newTicket(2, { deviceId: 1, requestId: 'r-1', bookingRef: 'BK-1' })).number).toBe('86002');
    });

    it('nests: an inner failure the outer transaction catches takes back only the inner part', () => {
      const store = open();
      store.transaction(() => {
        store.insertTicket(newTicket(1));
        store.setMeta('step', 'outer');
        expect(() =>
          store.transaction(() => {
            store.insertTicket(newTicket(2));
            store.setMeta('step', 'inner');
            throw new Error('inner');
          }),
        ).toThrow('inner');
        // Inside the outer transaction the inner part is already gone.
        expect(store.countOpen(filter(A))).toBe(1);
        store.insertTicket(newTicket(3));
      });
      expect(numbers(store.listOpen(filter(A), 10))).toEqual(['86001', '86003']);
      expect(store.getMeta('step')).toBe('outer');
    });

    it('an outer failure takes back the inner transactions that succeeded', () => {
      const store = open();
      expect(() =>
        store.transaction(() => {
          store.transaction(() => store.insertTicket(newTicket(1)));
          store.transaction(() => store.setLastSeq(DAY, '86', 1));
          throw new Error('outer');
        }),
      ).toThrow('outer');
      expect(store.countOpen(filter(A))).toBe(0);
      expect(store.lastSeq(DAY, '86')).toBe(0);
      expect(store.getTicketByNumber(DAY, '86001')).toBeNull();
    });

    it('a rolled-back ticket leaves no gap: the next one takes its id and queue key', () => {
      const store = open();
      const [first] = seed(store, {});
      let dropped: TicketRecord | null = null;
      expect(() =>
        store.transaction(() => {
          dropped = store.insertTicket(newTicket(2));
          throw new Error('no');
        }),
      ).toThrow('no');
      const next = store.insertTicket(newTicket(2));
      expect(next.id).toBe(dropped!.id);
      expect(next.id).toBe(first!.id + 1);
      expect(next.queueKey).toBe(dropped!.queueKey);
    });

    it('a write refused by a constraint changes nothing', () => {
      const store = open();
      seed(store, {});
      expect(() => store.insertTicket(newTicket(1))).toThrow();
      expect(store.countOpen(filter(A))).toBe(1);
      expect(store.insertTicket(newTicket(2)).id).toBe(2);
    });
  });
}
