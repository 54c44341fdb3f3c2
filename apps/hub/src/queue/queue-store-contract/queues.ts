import { describe, expect, it } from 'vitest';
import type { QueueStore } from '../ports.js';
import { DAY, NEXT_DAY, A, B, T0, MIN, seed, filter, numbers, sorted } from './fixtures.js';

/** The open queues (order, filters, counts, heads) and the unfinished and overdue lists. */
export function describeQueues(open: () => QueueStore): void {
  describe('open queues', () => {
    /** A: 1 waiting, 2 priority, 3 called, 4 booked (deadline T0+10'), 5 waiting, 6 priority booked (T0+5'), 7 done; B: 8 waiting. */
    const hall = (store: QueueStore) =>
      seed(
        store,
        {},
        { priority: 'elderly' },
        { status: 'called' },
        { status: 'booked', deadline: T0 + 10 * MIN, source: 'portal', bookingRef: 'BK-4' },
        {},
        { status: 'booked', priority: 'elderly', deadline: T0 + 5 * MIN, source: 'portal', bookingRef: 'BK-6' },
        { status: 'done' },
        { serviceId: B, prefix: '66' },
      );

    it('lists a service’s open tickets in queue order, booked ones only when asked for and before their deadline', () => {
      const store = open();
      hall(store);
      expect(numbers(store.listOpen(filter(A), 10))).toEqual(['86001', '86002', '86005']);
      expect(numbers(store.listOpen(filter(A, true), 10))).toEqual(['86001', '86002', '86004', '86005', '86006']);
      expect(numbers(store.listOpen(filter(A, true, T0 + 5 * MIN), 10))).toEqual(['86001', '86002', '86004', '86005']); // a deadline at `now` has passed
      expect(numbers(store.listOpen(filter(A, true, T0 + 10 * MIN), 10))).toEqual(['86001', '86002', '86005']);
      expect(numbers(store.listOpen(filter(A, true), 2))).toEqual(['86001', '86002']);
      expect(numbers(store.listOpen(filter(A, true), 10, true))).toEqual(['86002', '86006']);
      expect(numbers(store.listOpen(filter(A, true), 10, false))).toEqual(['86001', '86004', '86005']);
      expect(numbers(store.listOpen(filter(B), 10))).toEqual(['66008']);
      expect(store.listOpen(filter('none'), 10)).toEqual([]);
    });

    it('counts open tickets, all, priority or normal, and those before a place in the queue', () => {
      const store = open();
      const t = hall(store);
      expect([store.countOpen(filter(A)), store.countOpen(filter(A, true)), store.countOpen(filter(A, true), true), store.countOpen(filter(A, true), false)]).toEqual([3, 5, 2, 3]);
      const fifth = t[4]!;
      expect(store.countOpenBefore(filter(A), fifth.queueKey, fifth.id)).toBe(2);
      expect(store.countOpenBefore(filter(A, true), fifth.queueKey, fifth.id)).toBe(3);
      expect(store.countOpenBefore(filter(A, true), fifth.queueKey, fifth.id, false)).toBe(2);
      expect(store.countOpenBefore(filter(A, true), fifth.queueKey, fifth.id, true)).toBe(1);
      // Equal keys are ordered by id.
      expect(store.countOpenBefore(filter(A), t[0]!.queueKey, t[0]!.id + 1)).toBe(1);
      expect(store.countOpenBefore(filter(A), t[0]!.queueKey, t[0]!.id)).toBe(0);
    });

    it('gives the head of each kind, following queue keys (a transfer’s key puts it in front)', () => {
      const store = open();
      const t = hall(store);
      expect(store.queueHead(filter(A), false)?.number).toBe('86001');
      expect(store.queueHead(filter(A), true)?.number).toBe('86002');
      expect(store.queueHead(filter(B), true)).toBeNull();
      expect(store.minQueueKey(A)).toBe(t[0]!.queueKey);
      // Ticket 8 moves to A in front of its head, as a transfer does.
      store.updateTicket(t[7]!.id, { serviceId: A, queueKey: store.minQueueKey(A)! - 1, transferredFrom: B });
      expect(store.queueHead(filter(A), false)?.number).toBe('66008');
      expect(numbers(store.listOpen(filter(A), 2))).toEqual(['66008', '86001']);
      expect(store.countOpen(filter(A))).toBe(4);
      expect([store.countOpen(filter(B)), store.minQueueKey(B)]).toEqual([0, null]);
      // A booked ticket heads its kind only when booked ones count and its deadline is still ahead.
      store.updateTicket(t[1]!.id, { status: 'called' });
      expect([store.queueHead(filter(A), true), store.queueHead(filter(A, true), true)?.number, store.queueHead(filter(A, true, T0 + 5 * MIN), true)]).toEqual([null, '86006', null]);
    });

    it('takes the smallest key among waiting and booked tickets, whatever their deadline', () => {
      const store = open();
      const [first, booked] = seed(store, {}, { status: 'booked', deadline: T0 - MIN, source: 'portal' });
      store.updateTicket(first!.id, { status: 'called' });
      expect(store.minQueueKey(A)).toBe(booked!.queueKey);
    });

    it('follows status changes: a called, cancelled or checked-in ticket leaves or joins the counts at once', () => {
      const store = open();
      const [a, b, c] = seed(store, {}, {}, { status: 'booked', deadline: T0 + MIN, source: 'portal' });
      store.updateTicket(a!.id, { status: 'called' });
      store.updateTicket(b!.id, { status: 'cancelled' });
      expect(store.countOpen(filter(A))).toBe(0);
      store.updateTicket(c!.id, { status: 'waiting' });
      expect([store.countOpen(filter(A)), store.queueHead(filter(A), false)?.id]).toEqual([1, c!.id]);
      store.updateTicket(c!.id, { deadline: null });
      expect(store.countOpen(filter(A))).toBe(1);
    });
  });

  describe('unfinished and overdue tickets', () => {
    it('lists the unfinished (booked, waiting, called) tickets of every other day', () => {
      const store = open();
      seed(store, {}, { status: 'called' }, { status: 'done' }, { day: NEXT_DAY }, { day: NEXT_DAY, status: 'booked', deadline: T0 }, { day: NEXT_DAY, status: 'skipped' }, { day: '2026-11-01', status: 'called' });
      expect(sorted(store.listUnfinishedOtherThan(NEXT_DAY))).toEqual(['86001', '86002', '86007']);
      expect(sorted(store.listUnfinishedOtherThan(DAY))).toEqual(['86004', '86005', '86007']);
    });

    it('lists a day’s tickets expired after an instant, in id order', () => {
      const store = open();
      const t = seed(store, { status: 'expired' }, { status: 'expired' }, { status: 'expired' }, { status: 'done' }, { status: 'expired', day: NEXT_DAY });
      store.updateTicket(t[0]!.id, { finishedAt: T0 + 10 * MIN });
      store.updateTicket(t[1]!.id, { finishedAt: T0 });
      store.updateTicket(t[2]!.id, { finishedAt: T0 + 20 * MIN });
      store.updateTicket(t[3]!.id, { finishedAt: T0 + 20 * MIN });
      store.updateTicket(t[4]!.id, { finishedAt: T0 + 20 * MIN });
      expect(numbers(store.listExpiredAfter(DAY, T0))).toEqual(['86001', '86003']);
      expect(numbers(store.listExpiredAfter(DAY, T0 + 10 * MIN))).toEqual(['86003']);
    });

    it('lists booked tickets whose deadline is at or before now, of any day', () => {
      const store = open();
      const booked = (deadline: number, day = DAY) => ({ status: 'booked' as const, deadline, source: 'portal' as const, day });
      seed(store, booked(T0 - MIN), booked(T0), booked(T0 + MIN), { status: 'waiting', deadline: T0 - MIN }, booked(T0 - 2 * MIN, '2026-11-22'));
      expect(sorted(store.listBookedPastDeadline(T0))).toEqual(['86001', '86002', '86005']);
    });
  });
}
