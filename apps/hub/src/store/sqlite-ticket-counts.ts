import type Database from 'better-sqlite3';

/**
 * Day counts the admin configuration and online quota need, apart from the queue
 * store so the hot issue path's statements stay untouched.
 */
export class SqliteTicketCounts {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      unfinished: db.prepare(`SELECT COUNT(*) AS n FROM tickets
        WHERE day = ? AND service_id = ? AND status IN ('booked', 'waiting', 'called')`),
      onlineBookings: db.prepare(`SELECT COUNT(*) AS n FROM tickets
        WHERE day = ? AND original_service_id = ? AND source = 'portal' AND status <> 'cancelled'`),
    };
  }

  /** Booked, waiting and called tickets of a service on `day`. */
  unfinished(day: string, serviceId: string): number {
    return (this.stmt.unfinished.get(day, serviceId) as { n: number }).n;
  }

  /** Online bookings made for a service on `day`; a cancelled one gives its place back. */
  onlineBookings(day: string, serviceId: string): number {
    return (this.stmt.onlineBookings.get(day, serviceId) as { n: number }).n;
  }
}
