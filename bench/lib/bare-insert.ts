import { join } from 'node:path';
import { freshDir } from './paths.js';
import { openRawDatabase, type Db } from './sqlite.js';
import { summarize, type Summary } from './stats.js';

export interface BareInsertResult {
  rows: number;
  seconds: number;
  perSecond: number;
}

/**
 * A fresh database in a data folder on the same disk as the hub's, set up as the hub
 * sets its own (WAL, synchronous=FULL), with a ticket-like table and a one-row
 * durable commit.
 */
function withBareTable<T>(name: string, body: (commitOne: (n: number) => void) => T): T {
  const dir = freshDir('issue', name);
  const db: Db = openRawDatabase(join(dir, 'bare.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, service_id TEXT NOT NULL, issued_at INTEGER NOT NULL)`);
    const insert = db.prepare('INSERT INTO t (day, number, service_id, issued_at) VALUES (?, ?, ?, ?)');
    const commitOne = db.transaction((n: number) => insert.run('2026-11-22', String(10_000 + (n % 90_000)), 'cong-an-xnc', Date.now()));
    return body((n) => void commitOne(n));
  } finally {
    db.close();
  }
}

/**
 * The disk's limit for durable commits: one single-row INSERT per transaction, back
 * to back, bounded by row count and by time.
 */
export function bareInsertRate(name: string, options: { maxRows?: number; maxMs?: number } = {}): BareInsertResult {
  return withBareTable(name, (commitOne) => {
    const maxRows = options.maxRows ?? 40_000;
    const maxMs = options.maxMs ?? 3_000;
    const start = performance.now();
    let rows = 0;
    while (rows < maxRows && performance.now() - start < maxMs) commitOne(rows++);
    const seconds = (performance.now() - start) / 1000;
    return { rows, seconds, perSecond: rows / seconds };
  });
}

/**
 * How long one durable single-row commit takes when commits come `gapMs` apart, as a
 * hub's batches do below its peak: the floor under the latency of any acknowledged
 * ticket, since each one waits for at least one such commit.
 */
export function bareCommitLatency(name: string, options: { gapMs: number; maxMs?: number; maxCommits?: number }): Summary {
  return withBareTable(name, (commitOne) => {
    const samples: number[] = [];
    const end = performance.now() + (options.maxMs ?? 3_000);
    while (performance.now() < end && samples.length < (options.maxCommits ?? 2_000)) {
      const t0 = performance.now();
      commitOne(samples.length);
      const done = performance.now();
      samples.push(done - t0);
      // Spin rather than sleep: a timer would add its own wake-up delay to the spacing.
      while (performance.now() < done + options.gapMs);
    }
    return summarize(samples);
  });
}
