import { join } from 'node:path';
import { freshDir } from './paths.js';
import { openRawDatabase } from './sqlite.js';

export interface BareInsertResult {
  rows: number;
  seconds: number;
  perSecond: number;
}

/**
 * The disk's limit for durable commits: one single-row INSERT per transaction, WAL,
 * synchronous=FULL (what the hub sets), in a data folder on the same disk as the
 * hub's. Bounded by row count and by time.
 */
export function bareInsertRate(name: string, options: { maxRows?: number; maxMs?: number } = {}): BareInsertResult {
  const dir = freshDir('issue', name);
  const db = openRawDatabase(join(dir, 'bare.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, service_id TEXT NOT NULL, issued_at INTEGER NOT NULL)`);
    const insert = db.prepare('INSERT INTO t (day, number, service_id, issued_at) VALUES (?, ?, ?, ?)');
    const insertOne = db.transaction((n: number) => insert.run('2026-11-22', String(10_000 + (n % 90_000)), 'cong-an-xnc', Date.now()));
    const maxRows = options.maxRows ?? 40_000;
    const maxMs = options.maxMs ?? 3_000;
    const start = performance.now();
    let rows = 0;
    while (rows < maxRows && performance.now() - start < maxMs) insertOne(rows++);
    const seconds = (performance.now() - start) / 1000;
    return { rows, seconds, perSecond: rows / seconds };
  } finally {
    db.close();
  }
}
