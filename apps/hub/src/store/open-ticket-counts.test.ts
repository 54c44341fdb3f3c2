import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueError } from '../queue/queue-error.js';
import { ALWAYS_OPEN, ELDERLY, TU_PHAP, VISA, XNC, testCenter } from '../testing/test-center.js';
import { openTempStore, type TempStore } from '../testing/temp-store.js';
import { OpenTicketCounts } from './open-ticket-counts.js';

const SERVICES = [TU_PHAP, XNC, VISA];
const COUNTERS = [86, 66, 68];

/** Every count the core can ask for, from memory and from SQLite, side by side. */
function compareWithDatabase(t: TempStore): void {
  const now = t.clock.now();
  for (const serviceId of SERVICES) {
    for (const includeBooked of [false, true]) {
      const filter = { serviceId, includeBooked, now };
      for (const priority of [undefined, true, false]) {
        const label = `${serviceId} includeBooked=${includeBooked} priority=${String(priority)}`;
        expect(t.store.countOpen(filter, priority), label).toBe(t.store.countOpenInDatabase(filter, priority));
        // "People ahead" at every open ticket's place, and between and around them
        // (a position no ticket holds, as a transfer's new key is).
        const positions = positionsToProbe(t, serviceId);
        for (const { queueKey, id } of positions) {
          expect(t.store.countOpenBefore(filter, queueKey, id, priority), `${label} before (${queueKey}, ${id})`).toBe(
            t.store.countOpenBeforeInDatabase(filter, queueKey, id, priority),
          );
        }
      }
    }
  }
}

/** Every open or just-closed ticket's (queue key, id) of the service, and neighbours of each. */
function positionsToProbe(t: TempStore, serviceId: string): { queueKey: number; id: number }[] {
  const rows = t.db.prepare('SELECT queue_key AS queueKey, id FROM tickets WHERE service_id = ? ORDER BY queue_key, id').all(serviceId) as { queueKey: number; id: number }[];
  const probes = [{ queueKey: Number.MIN_SAFE_INTEGER, id: 0 }, { queueKey: Number.MAX_SAFE_INTEGER, id: 0 }];
  for (const row of rows) probes.push(row, { queueKey: row.queueKey, id: row.id + 1 }, { queueKey: row.queueKey - 1, id: row.id });
  return probes;
}

type Step =
  | { kind: 'issue'; service: number; priority: boolean }
  | { kind: 'book'; service: number; minutes: number }
  | { kind: 'counter'; command: 'next' | 'skip' | 'recall' | 'done' | 'pause' | 'resume'; counter: number }
  | { kind: 'transfer'; counter: number; service: number }
  | { kind: 'cancel' | 'check-in'; pick: number }
  | { kind: 'advance'; minutes: number }
  | { kind: 'batch'; services: number[] }
  | { kind: 'fault' };

/** A write failing half-way through a command (disk full, I/O error): armed by a `fault` step. */
class InjectedFault extends Error {}

/** Makes the store's next ticket-event write throw: after the ticket rows of that command were written. */
function armFault(t: TempStore): void {
  const store = t.store;
  const original = store.addTicketEvent.bind(store);
  store.addTicketEvent = () => {
    store.addTicketEvent = original;
    throw new InjectedFault('injected write failure');
  };
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), service: fc.nat(2), priority: fc.boolean() }),
  fc.record({ kind: fc.constant('book' as const), service: fc.nat(2), minutes: fc.integer({ min: 1, max: 90 }) }),
  fc.record({
    kind: fc.constant('counter' as const),
    command: fc.constantFrom('next' as const, 'skip' as const, 'recall' as const, 'done' as const, 'pause' as const, 'resume' as const),
    counter: fc.nat(2),
  }),
  fc.record({ kind: fc.constant('transfer' as const), counter: fc.nat(2), service: fc.nat(2) }),
  fc.record({ kind: fc.constantFrom('cancel' as const, 'check-in' as const), pick: fc.nat(40) }),
  fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 60 * 20 }) }),
  fc.record({ kind: fc.constant('batch' as const), services: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 6 }) }),
  fc.constant({ kind: 'fault' as const }),
);

let bookingRefs = 0;

function run(t: TempStore, step: Step): void {
  const { core, clock } = t;
  const actor = { deviceId: null };
  const openTickets = () => SERVICES.flatMap((serviceId) => core.views.counterQueue(86).waiting.concat(core.views.counterQueue(66).waiting, core.views.counterQueue(68).waiting).filter((w) => w.serviceId === serviceId));
  switch (step.kind) {
    case 'issue': {
      const issued = core.issue({ serviceId: SERVICES[step.service]!, priority: step.priority ? ELDERLY : null }).value;
      // The new ticket's "ahead" comes from the counts; the ticket page counts its real position.
      expect(issued.ahead).toBe(core.views.publicStatus(issued.day, issued.number).ahead);
      return;
    }
    case 'book':
      core.book({ serviceId: SERVICES[step.service]!, bookingRef: `ref-${(bookingRefs += 1)}`, deadline: clock.now() + step.minutes * 60_000 });
      return;
    case 'counter':
      core[step.command](COUNTERS[step.counter]!, actor);
      return;
    case 'transfer':
      core.transfer(COUNTERS[step.counter]!, SERVICES[step.service]!, actor);
      return;
    case 'cancel':
    case 'check-in': {
      const tickets = openTickets();
      const ticket = tickets[step.pick % Math.max(1, tickets.length)];
      if (!ticket) return;
      if (step.kind === 'cancel') core.cancel(ticket.id);
      else core.checkIn(ticket.id);
      return;
    }
    case 'advance':
      clock.advance({ minutes: step.minutes });
      core.tick();
      return;
    case 'fault':
      armFault(t);
      return;
    case 'batch':
      // Group commit: several issues in one transaction, some failing (unknown service)
      // and rolled back to their savepoint while the others commit.
      core.inOneCommit(() => {
        for (const index of step.services) {
          try {
            core.issue({ serviceId: index < 0 ? 'no-such-service' : SERVICES[index]! });
          } catch (error) {
            if (!(error instanceof QueueError) && !(error instanceof InjectedFault)) throw error;
          }
        }
      });
  }
}

describe('OpenTicketCounts', () => {
  it('counts waiting and booked tickets per service, booked ones only before their deadline', () => {
    const counts = new OpenTicketCounts();
    counts.load([
      { id: 1, queueKey: 1024, serviceId: 'a', status: 'waiting', priority: null, deadline: null },
      { id: 2, queueKey: 2048, serviceId: 'a', status: 'waiting', priority: 'elderly', deadline: null },
      { id: 3, queueKey: 3072, serviceId: 'a', status: 'booked', priority: null, deadline: 1_000 },
      { id: 4, queueKey: 4096, serviceId: 'a', status: 'called', priority: null, deadline: null },
      { id: 5, queueKey: 5120, serviceId: 'b', status: 'done', priority: null, deadline: null },
    ]);
    expect(counts.count({ serviceId: 'a', includeBooked: false, now: 0 })).toBe(2);
    expect(counts.count({ serviceId: 'a', includeBooked: true, now: 999 })).toBe(3);
    expect(counts.count({ serviceId: 'a', includeBooked: true, now: 1_000 })).toBe(2);
    expect(counts.count({ serviceId: 'a', includeBooked: true, now: 0 }, true)).toBe(1);
    expect(counts.count({ serviceId: 'a', includeBooked: true, now: 0 }, false)).toBe(2);
    expect(counts.count({ serviceId: 'b', includeBooked: true, now: 0 })).toBe(0);
  });

  it('undoes the changes of a transaction that throws, and only those of a nested one', () => {
    const counts = new OpenTicketCounts();
    let ids = 0;
    const waiting = (serviceId: string) => ({ id: (ids += 1), queueKey: ids * 1024, serviceId, status: 'waiting' as const, priority: null, deadline: null });
    const filter = (serviceId: string) => ({ serviceId, includeBooked: false, now: 0 });
    counts.within(() => {
      counts.record(null, waiting('a'));
      expect(() =>
        counts.within(() => {
          counts.record(null, waiting('a'));
          counts.record(waiting('a'), { ...waiting('a'), status: 'called' });
          counts.record(null, waiting('b'));
          throw new Error('inner failure');
        }),
      ).toThrow('inner failure');
      expect(counts.count(filter('a'))).toBe(1);
      expect(counts.count(filter('b'))).toBe(0);
      counts.record(null, waiting('b'));
    });
    expect(counts.count(filter('a'))).toBe(1);
    expect(counts.count(filter('b'))).toBe(1);
    expect(() =>
      counts.within(() => {
        counts.record(waiting('b'), { ...waiting('b'), serviceId: 'a' });
        throw new Error('outer failure');
      }),
    ).toThrow('outer failure');
    expect(counts.count(filter('a'))).toBe(1);
    expect(counts.count(filter('b'))).toBe(1);
  });
});

describe('SqliteQueueStore open counts', () => {
  it('match a COUNT over SQLite after any sequence of commands, failed ones included, and after a restart; a new ticket\'s ahead matches its position', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 60 }), fc.constantFrom('strict' as const, 'interleaved' as const), (steps, policy) => {
        let t = openTempStore({
          config: testCenter({ openingHours: ALWAYS_OPEN, priorityPolicy: policy === 'strict' ? { policy } : { policy, every: 2 }, dailyLimits: { [VISA]: 4 } }),
        });
        try {
          for (const step of steps) {
            try {
              run(t, step);
            } catch (error) {
              // Refusals (QUEUE_FULL, CONFLICT on a paused counter…) and injected write failures
              // are part of the test: what they roll back must leave the counts exact.
              if (!(error instanceof QueueError) && !(error instanceof InjectedFault)) throw error;
            }
            compareWithDatabase(t);
          }
          t = t.reopen();
          compareWithDatabase(t);
        } finally {
          t.close();
        }
      }),
      { numRuns: 60 },
    );
    // 60 random days on real SQLite files, each reopened: ~10 s alone, 3× that on a busy machine.
  }, 120_000);

  it('place a transferred ticket where the database has it: at the head of its new queue, ahead of older tickets', () => {
    let t = openTempStore({ config: testCenter({ openingHours: ALWAYS_OPEN }) });
    const older = [t.core.issue({ serviceId: VISA }).value, t.core.issue({ serviceId: VISA, priority: ELDERLY }).value];
    const moved = t.core.issue({ serviceId: TU_PHAP }).value;
    const later = t.core.issue({ serviceId: VISA }).value;
    t.core.next(86, { deviceId: null });
    t.core.transfer(86, VISA, { deviceId: null });
    compareWithDatabase(t);
    // Priority tickets first, then the transferred one ahead of the normal tickets issued before it.
    expect(t.core.views.publicStatus(moved.day, moved.number).ahead).toBe(1);
    expect(t.core.views.publicStatus(older[0]!.day, older[0]!.number).ahead).toBe(2);
    expect(t.core.views.publicStatus(later.day, later.number).ahead).toBe(3);
    t = t.reopen();
    compareWithDatabase(t);
  });
});
