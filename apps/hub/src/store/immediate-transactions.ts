import type Database from 'better-sqlite3';

type Transaction = ReturnType<Database.Database['transaction']>;

/**
 * Makes every `db.transaction(fn)()` on this connection begin IMMEDIATE (take the
 * write lock up front, waiting up to busy_timeout for it) instead of better-sqlite3's
 * default DEFERRED.
 *
 * Why: in WAL mode a deferred transaction that reads before it writes holds a
 * snapshot; if another connection commits in between (the report worker saving a
 * day's rollup, `layso token create` from a shell), the first write fails at once
 * with SQLITE_BUSY (a stale snapshot cannot be upgraded, and busy_timeout does not
 * apply). Issuing a ticket reads the sequence before writing it, so tickets failed
 * with 500 while rollups were being built. An immediate transaction cannot go stale.
 * Nested calls still become savepoints; `.deferred(…)` remains for a caller that
 * really wants it.
 */
export function useImmediateTransactions(db: Database.Database): Database.Database {
  const create = db.transaction.bind(db) as (fn: (...args: unknown[]) => unknown) => Transaction;
  const immediateByDefault = (fn: (...args: unknown[]) => unknown): Transaction => {
    const transaction = create(fn);
    const run = (...args: unknown[]) => transaction.immediate(...args);
    return Object.assign(run, {
      default: transaction.immediate,
      deferred: transaction.deferred,
      immediate: transaction.immediate,
      exclusive: transaction.exclusive,
    }) as unknown as Transaction;
  };
  db.transaction = immediateByDefault as Database.Database['transaction'];
  return db;
}
