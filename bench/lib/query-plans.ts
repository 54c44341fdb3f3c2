import { SqliteQueueStore } from '../../apps/hub/src/store/sqlite-queue-store.js';
import type { Db } from './sqlite.js';

export interface QueryPlan {
  name: string;
  sql: string;
  plan: string[];
  /**
   * The plan reads the whole tickets table, or a whole full index of it: cost that
   * grows with history. Scanning a partial index (say, of open tickets only) is not
   * counted: its size is bounded by the rows its WHERE admits, however old the DB.
   */
  scansTickets: boolean;
  /** Median time of one execution with realistic arguments, when it was timed. */
  medianUs?: number;
}

interface PreparedLike {
  source: string;
  reader: boolean;
  all(...args: unknown[]): unknown[];
}

/** The queries the hub runs on every issue, call, catalog or snapshot. */
export const HOT_QUERIES = [
  'queueHead',
  'countOpen',
  'countOpenByPriority',
  'countOpenBefore',
  'countOpenBeforeByPriority',
  'recentServiceDurations',
  'counterDayStats',
  'recentCalls',
  'listOpen',
  'minQueueKey',
  'lastSeq',
  'getTicketByRequest',
  'getTicketByNumber',
  'getTicketByBookingRef',
  'listBookedPastDeadline',
  'listUnfinishedBefore',
  'insertTicket',
];

/**
 * The hub's own prepared statements, read from a SqliteQueueStore built on `db`, so
 * the plans are those of the SQL the hub really runs (not a copy that could drift).
 */
export function hubStatements(db: Db): Map<string, PreparedLike> {
  const store = new SqliteQueueStore(db) as unknown as { stmt?: Record<string, PreparedLike> };
  if (!store.stmt || typeof store.stmt !== 'object') throw new Error('SqliteQueueStore no longer keeps its statements in `stmt`; update bench/lib/query-plans.ts');
  return new Map(Object.entries(store.stmt).filter(([, s]) => typeof s?.source === 'string'));
}

/** Arguments every parameter of a statement accepts (EXPLAIN does not look at values). */
function nullArgs(sql: string): unknown[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  if (named.length > 0) return [Object.fromEntries(named.map((n) => [n, null]))];
  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}

/** `SCAN tickets USING [COVERING] INDEX x` where x is a partial index (its CREATE INDEX has a WHERE). */
function viaPartialIndex(db: Db, detail: string): boolean {
  const index = /USING (?:COVERING )?INDEX (\w+)/.exec(detail)?.[1];
  if (!index) return false;
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as { sql: string | null } | undefined;
  return /\sWHERE\s/i.test(row?.sql ?? '');
}

export function explain(db: Db, name: string, sql: string): QueryPlan {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullArgs(sql)) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>();
  const plan = rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
  const scansTickets = rows.some((r) => /^SCAN tickets\b/.test(r.detail) && !viaPartialIndex(db, r.detail));
  return { name, sql: sql.replace(/\s+/g, ' ').trim(), plan, scansTickets };
}

/** Realistic arguments for timing the read-only hot queries on a seeded database. */
export function sampleArgs(name: string, s: { day: string; serviceId: string; counter: number; prefix: string; now: number }): unknown[] | null {
  const open = { serviceId: s.serviceId, includeBooked: 1, now: s.now };
  const big = Number.MAX_SAFE_INTEGER;
  const table: Record<string, unknown[]> = {
    queueHead: [{ ...open, priority: 0 }],
    countOpen: [open],
    countOpenByPriority: [{ ...open, priority: 1 }],
    countOpenBefore: [{ ...open, queueKey: big, id: big }],
    countOpenBeforeByPriority: [{ ...open, queueKey: big, id: big, priority: 0 }],
    listOpen: [{ ...open, limit: 50 }],
    minQueueKey: [s.serviceId],
    recentServiceDurations: [s.serviceId, s.day, 20],
    counterDayStats: [s.counter, s.day],
    recentCalls: [s.day, 20],
    lastSeq: [s.day, s.prefix],
    getTicketByRequest: [1, 'no-such-request'],
    getTicketByNumber: [s.day, `${s.prefix}001`],
    getTicketByBookingRef: ['no-such-booking'],
    listBookedPastDeadline: [s.now],
    listUnfinishedBefore: [s.day],
  };
  return table[name] ?? null;
}

/** Median of repeated executions (bounded: at most `runs` and about `maxMs`). */
export function timeQuery(statement: PreparedLike, args: unknown[], runs = 200, maxMs = 1_500): number {
  const times: number[] = [];
  const start = performance.now();
  statement.all(...args);
  while (times.length < runs && performance.now() - start < maxMs) {
    const t0 = performance.now();
    statement.all(...args);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
