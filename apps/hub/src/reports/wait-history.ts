import type Database from 'better-sqlite3';
import type { ServiceHistory, WaitHistorySource } from '../queue/estimate.js';
import { addDays } from './calendar-days.js';

/** How many past weeks of the same weekday the wait estimate starts from. */
export const HISTORY_WEEKS = 4;

/**
 * The wait estimator's start of day, from the report rollups (report_facts): per
 * service and counter, the tickets served and the time they took on the same weekday
 * of the past HISTORY_WEEKS weeks. Days without a rollup yet simply add nothing. The
 * rollups keep service time per day, not per hour, so the hour of day is not used.
 */
export class RollupWaitHistory implements WaitHistorySource {
  private readonly query: Database.Statement;

  constructor(db: Database.Database) {
    this.query = db.prepare(`SELECT service_id AS serviceId, counter, SUM(served) AS finished, SUM(service_ms) AS busyMs
      FROM report_facts WHERE counter > 0 AND day IN (SELECT value FROM json_each(?)) GROUP BY service_id, counter`);
  }

  sameWeekday(day: string): ServiceHistory[] {
    const days = Array.from({ length: HISTORY_WEEKS }, (_, i) => addDays(day, -7 * (i + 1)));
    return this.query.all(JSON.stringify(days)) as ServiceHistory[];
  }
}
