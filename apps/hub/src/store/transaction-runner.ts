import type Database from 'better-sqlite3';

/** Runs `fn` in one database transaction: a change and its audit entry commit together or not at all. */
export type TransactionRunner = <T>(fn: () => T) => T;

/** The runner of one connection; feature services take it instead of the connection itself. */
export function transactionRunner(db: Database.Database): TransactionRunner {
  return (fn) => db.transaction(fn)();
}
