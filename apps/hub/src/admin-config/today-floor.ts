import type { AdminTodayResponse, Catalog, Clerk, CounterFloorState } from '@layso/shared';

/** What the Today page is assembled from: each part is owned elsewhere (queue, devices, clerks, sockets). */
export interface TodayFloorSources {
  catalog(): Catalog;
  /** The ticket each counter serves now, with when it was called. */
  serving(day: string): ReadonlyMap<number, { number: string; calledAt: number | null }>;
  /** When the longest-waiting ticket of each service was issued. */
  oldestWaiting(day: string): ReadonlyMap<string, number>;
  /** Counters with at least one counter console connected now. */
  countersWithConsoleOnline(): ReadonlySet<number>;
  clerks(): readonly Clerk[];
  now(): number;
}

/**
 * The admin's read model of the floor: per counter what is true now (a clerk signed
 * in or not, its console online or not, serving / paused / idle), per service the
 * waiting count and the longest wait. Read-only; kept out of the queue core.
 */
export function todayFloor(sources: TodayFloorSources): AdminTodayResponse {
  const catalog = sources.catalog();
  const serving = sources.serving(catalog.day);
  const oldest = sources.oldestWaiting(catalog.day);
  const online = sources.countersWithConsoleOnline();
  const clerkAt = new Map(sources.clerks().flatMap((c) => (c.counter === null ? [] : [[c.counter, c] as const])));
  return {
    day: catalog.day,
    now: new Date(sources.now()).toISOString(),
    counters: catalog.counters.map((counter) => {
      const ticket = serving.get(counter.number) ?? null;
      const clerk = clerkAt.get(counter.number) ?? null;
      const state: CounterFloorState = counter.status === 'paused' ? 'paused' : ticket ? 'serving' : 'idle';
      return {
        number: counter.number,
        state,
        ticket: ticket?.number ?? null,
        calledAt: ticket?.calledAt != null ? new Date(ticket.calledAt).toISOString() : null,
        clerk: clerk ? { id: clerk.id, name: clerk.name } : null,
        consoleOnline: online.has(counter.number),
      };
    }),
    services: catalog.areas.flatMap((area) =>
      area.services.map((service) => {
        const since = oldest.get(service.id);
        return { serviceId: service.id, waiting: service.waiting, oldestWaitingSince: since === undefined ? null : new Date(since).toISOString() };
      }),
    ),
  };
}
