import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { useImmediateTransactions } from './immediate-transactions.js';
import { migrate, type Migration } from './migrate.js';

export const DATABASE_FILE = 'layso.db';

export interface OpenDatabaseOptions {
  /** `false` opens without migrating (the hub's start backs the file up first); default: the shipped migrations. */
  migrations?: Migration[] | false;
}

/**
 * Opens (and migrates) the hub database. WAL lets readers (reports, the token CLI)
 * run beside the hub; synchronous=FULL fsyncs the WAL on every commit, so a ticket
 * acknowledged after its commit survives a power cut.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = useImmediateTransactions(new Database(file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.migrations !== false) migrate(db, options.migrations);
  return db;
}
