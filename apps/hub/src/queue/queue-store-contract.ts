import { describe, expect, it } from 'vitest';
import { centerConfigSchema, type CenterConfig } from '@layso/shared';
import type { NewTicket, OpenTicketFilter, QueueStore, TicketRecord } from './ports.js';

/**
 * The QueueStore contract: what the queue core may rely on from any store, as tests.
 * Every implementation runs this one suite (the tldraw sync-core pattern):
 * InMemoryQueueStore in in-memory-queue-store.test.ts, SqliteQueueStore on a real
 * SQLite file in store/sqlite-queue-store.contract.integration.test.ts. `open` makes
 * a fresh, empty store for one test (it may register its own cleanup).
 *
 * Lists the SQL leaves unordered (unfinished, booked past deadline) are compared as
 * sets; everything with an order in the port's documentation is compared in order.
 */
export function describeQueueStoreContract(name: string, open: () => QueueStore): void {
  describe(`QueueStore contract: ${name}`, () => {
    describeTransactions(open);
    describeConfigMetaAndSequences(open);
    describeTickets(open);
    describeQueues(open);
    describeHistoryAndFigures(open);
    describeCountersAndCommands(open);
  });
}

const DAY = '2026-11-23';
const NEXT_DAY = '2026-11-24';
const A = 'tu-phap';
const B = 'cong-an-xnc';
const T0 = Date.UTC(2026, 10, 23, 1, 0);
const MIN = 60_000;

/** A new waiting walk-in ticket of service A numbered A-prefix `seq`, with overrides. */
function newTicket(seq: number, overrides: Partial<NewTicket> = {}): NewTicket {
  const prefix = overrides.prefix ?? '86';
  return {
    day: DAY,
    number: `${prefix}${String(seq).padStart(3, '0')}`,
    prefix,
    seq,
    serviceId: A,
    originalServiceId: overrides.serviceId ?? A,
    status: 'waiting',
    priority: null,
    source: 'kiosk',
    deviceId: null,
    requestId: null,
    issuedAt: T0 + seq * MIN,
    deadline: null,
    bookingRef: null,
    ...overrides,
  };
}

/** Inserts tickets 1..n (with per-ticket overrides) and returns them. */
function seed(store: QueueStore, ...overrides: Partial<NewTicket>[]): TicketRecord[] {
  return overrides.map((o, i) => store.insertTicket(newTicket(i + 1, o)));
}

const filter = (serviceId: string, includeBooked = false, now = T0): OpenTicketFilter => ({ serviceId, includeBooked, now });
const numbers = (tickets: readonly TicketRecord[]) => tickets.map((t) => t.number);
const sorted = (tickets: readonly TicketRecord[]) => numbers(tickets).sort();
const event = (ticketId: number, kind: string, counter: number | null = null, at = T0) => ({ ticketId, at, kind, serviceId: A, counter, clerk: null });
const config = (name: string): CenterConfig =>
  centerConfigSchema.parse({
    name,
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ open: '07:30', close: '17:00' }]])),
    areas: [{ id: 'a', name: 'Khu A', services: [{ id: A, name: 'Tư pháp', prefix: '86' }] }],
    counters: [{ number: 1, areaId: 'a', serviceIds: [A] }],
  });

/** Gives ticket `t` a served stretch at `counter`: called at `calledAt`, ended `minutes` later. */
function serve(store: QueueStore, t: TicketRecord, counter: number, calledAt: number, minutes: number, status: 'done' | 'skipped' = 'done'): void {
  store.updateTicket(t.id, { status: 'called', calledAt, firstCalledAt: calledAt, counter });
  store.addTicketEvent(event(t.id, 'called', counter, calledAt));
  store.updateTicket(t.id, { status, finishedAt: calledAt + minutes * MIN });
  store.addTicketEvent(event(t.id, status, counter, calledAt + minutes * MIN));
}

function describeTransactions(open: () => QueueStore): void {
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

function describeConfigMetaAndSequences(open: () => QueueStore): void {
  describe('configuration, meta and sequences', () => {
    it('stores one configuration: none at first, the last one saved afterwards', () => {
      const store = open();
      expect(store.loadConfig()).toBeNull();
      store.saveConfig(config('Một'), T0);
      store.saveConfig(config('Hai'), T0 + 1);
      expect(store.loadConfig()).toEqual(config('Hai'));
    });

    it('keeps meta values by key, the last write winning', () => {
      const store = open();
      expect(store.getMeta('day')).toBeNull();
      store.setMeta('day', DAY);
      store.setMeta('other', 'x');
      store.setMeta('day', NEXT_DAY);
      expect([store.getMeta('day'), store.getMeta('other')]).toEqual([NEXT_DAY, 'x']);
    });

    it('keeps a last sequence per day and prefix (0 before the first), refusing values past 999', () => {
      const store = open();
      expect(store.lastSeq(DAY, '86')).toBe(0);
      store.setLastSeq(DAY, '86', 4);
      store.setLastSeq(DAY, '66', 9);
      store.setLastSeq(NEXT_DAY, '86', 1);
      store.setLastSeq(DAY, '86', 5);
      expect([store.lastSeq(DAY, '86'), store.lastSeq(DAY, '66'), store.lastSeq(NEXT_DAY, '86'), store.lastSeq(NEXT_DAY, '66')]).toEqual([5, 9, 1, 0]);
      expect(() => store.setLastSeq(DAY, '86', 1000)).toThrow();
      expect(store.lastSeq(DAY, '86')).toBe(5);
    });

    it('finds the highest stored sequence of a day and prefix, whatever the sequence row says', () => {
      const store = open();
      expect(store.highestSeq(DAY, '86')).toBe(0);
      store.insertTicket(newTicket(3));
      store.insertTicket(newTicket(12));
      store.insertTicket(newTicket(7));
      store.insertTicket(newTicket(40, { prefix: '66', serviceId: B }));
      store.insertTicket(newTicket(90, { day: NEXT_DAY }));
      store.setLastSeq(DAY, '86', 1);
      expect([store.highestSeq(DAY, '86'), store.highestSeq(DAY, '66'), store.highestSeq(NEXT_DAY, '86'), store.highestSeq(NEXT_DAY, '66')]).toEqual([12, 40, 90, 0]);
    });
  });
}

function describeTickets(open: () => QueueStore): void {
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

function describeQueues(open: () => QueueStore): void {
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

function describeHistoryAndFigures(open: () => QueueStore): void {
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

function describeCountersAndCommands(open: () => QueueStore): void {
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
