import type Database from 'better-sqlite3';

/** The serving tickets and the oldest waiting ticket per service of a day, for the admin's Today page. */
export class SqliteFloorReads {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      serving: db.prepare(`SELECT counter, number, called_at AS calledAt FROM tickets WHERE day = ? AND status = 'called' AND counter IS NOT NULL`),
      oldestWaiting: db.prepare(`SELECT service_id AS serviceId, MIN(issued_at) AS since FROM tickets WHERE day = ? AND status = 'waiting' GROUP BY service_id`),
    };
  }

  /** The ticket each counter is serving on `day` (a counter serves one at a time). */
  serving(day: string): Map<number, { number: string; calledAt: number | null }> {
    const rows = this.stmt.serving.all(day) as { counter: number; number: string; calledAt: number | null }[];
    return new Map(rows.map((r) => [r.counter, { number: r.number, calledAt: r.calledAt }]));
  }

  /** When the longest-waiting ticket of each service was issued (services nobody waits for are absent). */
  oldestWaiting(day: string): Map<string, number> {
    const rows = this.stmt.oldestWaiting.all(day) as { serviceId: string; since: number }[];
    return new Map(rows.map((r) => [r.serviceId, r.since]));
  }
}
