import type Database from 'better-sqlite3';
import { storageProblemOf, type StorageProblem } from './database-busy.js';

/** What /api/health says about the storage (`problem: null` once writes succeed again). */
export interface StorageStatus {
  problem: StorageProblem | null;
  /** When the problem was first seen (ms), or null. */
  since: number | null;
  /** SQLite's message of the last failed write while the problem lasts. */
  error: string | null;
}

type Transaction = ReturnType<Database.Database['transaction']>;
type Run = (...args: unknown[]) => unknown;

/** meta key the recovery probe writes (the time of the probe). */
const PROBE_META = 'storage_probe_at';

/**
 * Remembers that the hub's storage refused a write (a full disk, a disk error) until a
 * write succeeds again: every outermost transaction on the connection reports here
 * (one wrapper around `db.transaction`), so the health answer says 503 while the
 * problem lasts and clears by itself with the next write that gets through. A
 * transaction that wrote nothing (a tick that found nothing to expire) proves nothing
 * and does not clear it: `total_changes()` must have moved.
 */
export class StorageWatch {
  private current: StorageStatus = { problem: null, since: null, error: null };
  private lastProbe = Number.NEGATIVE_INFINITY;
  private readonly totalChanges;
  private readonly probeWrite;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: { now(): number } = { now: () => Date.now() },
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
    this.probeWrite = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    const create = db.transaction.bind(db) as (fn: Run) => Transaction;
    const watched = (fn: Run): Transaction => {
      const transaction = create(fn);
      const wrap = (run: Run): Run => (...args) => this.observe(() => run(...args));
      return Object.assign(wrap(transaction), {
        default: wrap(transaction.default),
        deferred: wrap(transaction.deferred),
        immediate: wrap(transaction.immediate),
        exclusive: wrap(transaction.exclusive),
      }) as unknown as Transaction;
    };
    db.transaction = watched as Database.Database['transaction'];
  }

  status(): StorageStatus {
    return { ...this.current };
  }

  /** Records a failed write seen elsewhere (outside a transaction); true when it was a storage problem. */
  noteFailure(error: unknown): boolean {
    const problem = storageProblemOf(error);
    if (!problem) return false;
    if (this.current.problem === null) this.log(`storage refused a write (${problem}): ${(error as Error).message}; writes answer 503 STORAGE_FULL until space is back`);
    this.current = { problem, since: this.current.since ?? this.clock.now(), error: (error as Error).message };
    return true;
  }

  /**
   * While a problem lasts, tries one tiny write (at most once per `everyMs`), so the
   * state clears when space comes back even if nobody issues anything. Returns the status after it.
   */
  probe(everyMs = 1_000): StorageStatus {
    if (this.current.problem === null || !this.db.open) return this.status();
    const now = this.clock.now();
    if (now - this.lastProbe < everyMs) return this.status();
    this.lastProbe = now;
    try {
      this.db.transaction(() => this.probeWrite.run(PROBE_META, String(now)))();
    } catch {
      // Still refused: observe() kept the problem (with the newest message).
    }
    return this.status();
  }

  private observe<T>(run: () => T): T {
    // Savepoints inside a transaction are not commits: only the outermost one counts.
    if (this.db.inTransaction) return run();
    const before = this.current.problem === null ? 0 : (this.totalChanges.get() as number);
    let result: T;
    try {
      result = run();
    } catch (error) {
      this.noteFailure(error);
      throw error;
    }
    if (this.current.problem !== null && (this.totalChanges.get() as number) > before) {
      this.log(`storage accepts writes again (after ${this.current.problem} since ${new Date(this.current.since ?? 0).toISOString()})`);
      this.current = { problem: null, since: null, error: null };
    }
    return result;
  }
}
