import type Database from 'better-sqlite3';
import type { RatingReason, RatingScore } from '@layso/shared';

export interface RatingRecord {
  ticketId: number;
  day: string;
  counter: number | null;
  serviceId: string;
  clerk: string | null;
  score: RatingScore;
  reason: RatingReason | null;
  at: number;
}

/** Satisfaction ratings, one per ticket (the table's primary key enforces it). */
export class SqliteRatingStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT OR IGNORE INTO ratings (ticket_id, day, counter, service_id, clerk, score, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      between: db.prepare('SELECT ticket_id, day, counter, service_id, clerk, score, reason, at FROM ratings WHERE day >= ? AND day <= ? AND (? IS NULL OR counter = ?)'),
    };
  }

  /** False when the ticket was already rated. */
  insert(r: RatingRecord): boolean {
    return this.stmt.insert.run(r.ticketId, r.day, r.counter, r.serviceId, r.clerk, r.score, r.reason, r.at).changes === 1;
  }

  list(from: string, to: string, counter: number | null): RatingRecord[] {
    const rows = this.stmt.between.all(from, to, counter, counter) as { ticket_id: number; day: string; counter: number | null; service_id: string; clerk: string | null; score: RatingScore; reason: RatingReason | null; at: number }[];
    return rows.map((r) => ({ ticketId: r.ticket_id, day: r.day, counter: r.counter, serviceId: r.service_id, clerk: r.clerk, score: r.score, reason: r.reason, at: r.at }));
  }
}
