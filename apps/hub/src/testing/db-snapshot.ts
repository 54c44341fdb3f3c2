import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../store/open-database.js';

/**
 * The queue state a refused request must not touch. `devices` is left out on
 * purpose: a valid token's `last_seen_at` legitimately moves on any request.
 */
const QUEUE_TABLES = ['tickets', 'sequences', 'counter_state', 'service_current', 'command_results', 'ticket_events', 'meta', 'center_config'] as const;

export type DbSnapshot = Record<(typeof QUEUE_TABLES)[number], unknown[]>;

export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/**
 * Opens the hub's database through a second, read-only connection, as an outside
 * observer would (WAL lets it read beside the running hub). The tests never read
 * through the hub's own handle, so they see only what was committed.
 */
export function withDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every row of the queue tables, in a stable order, for before/after comparisons. */
export function snapshotQueueTables(dataDir: string): DbSnapshot {
  return withDatabase(dataDir, (db) => {
    const snapshot = {} as DbSnapshot;
    for (const table of QUEUE_TABLES) snapshot[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
    return snapshot;
  });
}

export interface StoredTicket {
  id: number;
  day: string;
  number: string;
  prefix: string;
  seq: number;
  service_id: string;
  status: string;
  counter: number | null;
  device_id: number | null;
  request_id: string | null;
}

export function readTickets(dataDir: string): StoredTicket[] {
  return withDatabase(dataDir, (db) =>
    db.prepare('SELECT id, day, number, prefix, seq, service_id, status, counter, device_id, request_id FROM tickets ORDER BY id').all() as StoredTicket[],
  );
}

export function readSequences(dataDir: string): { day: string; prefix: string; last_seq: number }[] {
  return withDatabase(dataDir, (db) => db.prepare('SELECT day, prefix, last_seq FROM sequences ORDER BY day, prefix').all() as { day: string; prefix: string; last_seq: number }[]);
}

/** How many times each ticket was called (not recalled), from the audit log. */
export function readCallCounts(dataDir: string): Map<number, number> {
  return withDatabase(dataDir, (db) => {
    const rows = db.prepare(`SELECT ticket_id, COUNT(*) AS n FROM ticket_events WHERE kind = 'called' GROUP BY ticket_id`).all() as { ticket_id: number; n: number }[];
    return new Map(rows.map((r) => [r.ticket_id, r.n]));
  });
}
