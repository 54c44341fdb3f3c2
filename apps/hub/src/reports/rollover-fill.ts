import type { QueueEvent } from '../queue/queue-core.js';
import { addDays } from './calendar-days.js';

/** How far back a rollover looks for days without a rollup (older gaps fill on demand). */
const LOOK_BACK_DAYS = 7;

/**
 * After a day rollover, builds the rollup of the day that just finished (and of any
 * recent day still missing one) in the report worker, so the first report of the
 * morning does not pay for it. Failures are logged: reports build missing days anyway.
 */
export function fillRollupsAfterRollover(
  events: readonly QueueEvent[],
  reports: { fill(from: string, to: string, timeZone: string): Promise<number>; readonly closed: boolean },
  timeZone: () => string,
  log: (message: string, error?: unknown) => void,
): void {
  for (const event of events) {
    if (event.type !== 'day-changed') continue;
    reports.fill(addDays(event.day, -LOOK_BACK_DAYS), addDays(event.day, -1), timeZone()).catch((error: unknown) => {
      // Stopped with the hub: nothing lost, the next report builds the day.
      if (!reports.closed) log('building report rollups after the day rollover failed', error);
    });
  }
}

/** Days per backfill job: reports queued behind a backfill wait for one chunk at most. */
const BACKFILL_CHUNK_DAYS = 7;

/**
 * At start, builds the rollups a database with history is missing (the first start
 * after the upgrade that added reports), newest first, for up to a year, in small jobs
 * so a report asked for meanwhile does not wait behind all of it. A database without
 * tickets before yesterday (a new center, a test hub) starts no worker at all.
 */
export async function backfillRollups(
  oldestTicketDay: string | null,
  today: string,
  reports: { fill(from: string, to: string, timeZone: string): Promise<number>; readonly closed: boolean },
  timeZone: () => string,
  log: (message: string, error?: unknown) => void,
): Promise<void> {
  const yesterday = addDays(today, -1);
  if (oldestTicketDay === null || oldestTicketDay > yesterday) return;
  const first = oldestTicketDay > addDays(today, -366) ? oldestTicketDay : addDays(today, -366);
  for (let to = yesterday; to >= first; to = addDays(to, -BACKFILL_CHUNK_DAYS)) {
    const from = addDays(to, -(BACKFILL_CHUNK_DAYS - 1));
    try {
      await reports.fill(from < first ? first : from, to, timeZone());
    } catch (error) {
      if (!reports.closed) log('building missing report rollups failed; reports build them on demand', error);
      return;
    }
  }
}
