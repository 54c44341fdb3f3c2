import { describe, expect, it } from 'vitest';
import type { QueueStore } from '../ports.js';
import { DAY, NEXT_DAY, A, B, T0, MIN, newTicket, seed, filter, event } from './fixtures.js';

/** Tickets: insert, look-ups, unique keys, patches, history. */
export function describeTickets(open: () => QueueStore): void {
  describe('tickets', () => {
    it('inserts a ticket with increasing id and queue key, nothing called or finished yet', () => {
      const store = open();
      const [first, second] = seed(store, {}, { priority: 'elderly', deviceId: 3, requestId: 'k3-1' });
      expect(second).toMatchObject({ ...newTicket(2, { priority: 'elderly', deviceId: 3, requestId: 'k3-1' }), id: first!.id + 1, recalls: 0 });
      const untouched = [second!.calledAt, second!.firstCalledAt, second!.finishedAt, second!.counter, second!.clerk, second!.transferredFrom];
      expect(untouched).toEqual([null, null, null, null, null, null]);
      // Room between two new tickets' keys: a transfer lands in front of a head without renumbering.
      expect(second!.queueKey - first!.queueKey).toBeGreaterThan(1);
      expect(store.getTicket(second!.id)).toEqual(second);
    });

    it('finds a ticket by id, by day and number, by device request and by booking reference', () => {
      const store = open();
      const [, walkIn, booked] = seed(store, {}, { deviceId: 3, requestId: 'k3-1' }, { status: 'booked', source: 'portal', bookingRef: 'BK-9', deadline: T0 + 30 * MIN });
      store.insertTicket(newTicket(2, { day: NEXT_DAY }));
      expect(store.getTicketByNumber(DAY, '86002')).toEqual(walkIn);
      expect(store.getTicketByNumber(NEXT_DAY, '86002')?.day).toBe(NEXT_DAY);
      expect(store.getTicketByRequest(3, 'k3-1')).toEqual(walkIn);
      expect(store.getTicketByBookingRef('BK-9')).toEqual(booked);
      expect([store.getTicket(999), store.getTicketByNumber(DAY, '86999'), store.getTicketByRequest(4, 'k3-1'), store.getTicketByBookingRef('BK-0')]).toEqual([null, null, null, null]);
    });

    it('refuses a second ticket with a day and number, a device request or a booking reference already used', () => {
      const store = open();
      seed(store, { deviceId: 3, requestId: 'k3-1', bookingRef: 'BK-1' });
      expect(() => store.insertTicket(newTicket(1))).toThrow();
      expect(() => store.insertTicket(newTicket(2, { deviceId: 3, requestId: 'k3-1' }))).toThrow();
      expect(() => store.insertTicket(newTicket(3, { bookingRef: 'BK-1' }))).toThrow();
      // The same number on another day, the same request id from another device, and tickets without a request id are fine.
      store.insertTicket(newTicket(1, { day: NEXT_DAY }));
      store.insertTicket(newTicket(4, { deviceId: 4, requestId: 'k3-1' }));
      store.insertTicket(newTicket(5));
      store.insertTicket(newTicket(6));
      expect(store.countOpen(filter(A))).toBe(5);
    });

    it('updates only the fields a patch gives (undefined leaves a field alone, null clears it)', () => {
      const store = open();
      const [t] = seed(store, { status: 'booked', deadline: T0 + MIN, source: 'portal' });
      store.updateTicket(t!.id, { status: 'waiting', deadline: undefined });
      expect(store.getTicket(t!.id)).toEqual({ ...t, status: 'waiting' });
      store.updateTicket(t!.id, { deadline: null, recalls: 2, clerk: 'Lan', counter: 5 });
      expect(store.getTicket(t!.id)).toEqual({ ...t, status: 'waiting', deadline: null, recalls: 2, clerk: 'Lan', counter: 5 });
      store.updateTicket(t!.id, {});
      store.updateTicket(999, { status: 'done' });
      expect(store.getTicket(t!.id)).toEqual({ ...t, status: 'waiting', deadline: null, recalls: 2, clerk: 'Lan', counter: 5 });
    });

    it('hands out copies: changing a returned ticket changes nothing stored', () => {
      const store = open();
      const [t] = seed(store, {});
      t!.status = 'done';
      store.getTicket(t!.id)!.status = 'done';
      store.listOpen(filter(A), 1)[0]!.serviceId = B;
      expect(store.getTicket(t!.id)).toMatchObject({ status: 'waiting', serviceId: A });
    });

    it('keeps a ticket history oldest first, and refuses an event for an unknown ticket', () => {
      const store = open();
      const [t, u] = seed(store, {}, {});
      store.addTicketEvent(event(t!.id, 'issued', null, T0));
      store.addTicketEvent(event(u!.id, 'issued', null, T0 + 1));
      // A clock set back: a later event with an earlier time still comes after.
      store.addTicketEvent({ ...event(t!.id, 'called', 7, T0 - MIN), clerk: 'Lan' });
      const history = store.ticketEvents(t!.id);
      expect(history.map((e) => [e.kind, e.at, e.counter, e.clerk, e.serviceId, e.ticketId])).toEqual([
        ['issued', T0, null, null, A, t!.id],
        ['called', T0 - MIN, 7, 'Lan', A, t!.id],
      ]);
      expect(history[1]!.id).toBeGreaterThan(history[0]!.id);
      expect(store.ticketEvents(999)).toEqual([]);
      expect(() => store.addTicketEvent(event(999, 'issued'))).toThrow();
    });

    it('counts a counter’s events after a given event (has it moved on?)', () => {
      const store = open();
      const [t, u] = seed(store, {}, {});
      store.addTicketEvent(event(t!.id, 'called', 1));
      store.addTicketEvent(event(t!.id, 'done', 1));
      const done = store.ticketEvents(t!.id).at(-1)!;
      expect(store.countCounterEventsAfter(1, done.id)).toBe(0);
      store.addTicketEvent(event(u!.id, 'called', 2));
      store.addTicketEvent(event(u!.id, 'issued'));
      expect(store.countCounterEventsAfter(1, done.id)).toBe(0);
      store.addTicketEvent(event(u!.id, 'called', 1));
      expect(store.countCounterEventsAfter(1, done.id)).toBe(1);
      expect(store.countCounterEventsAfter(1, 0)).toBe(3);
    });
  });
}
