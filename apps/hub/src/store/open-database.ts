import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';

export const DATABASE_FILE = 'layso.db';

/**
 * Opens (and migrates) the hub database. WAL lets readers (reports, the token CLI)
 * run beside the hub; synchronous=FULL fsyncs the WAL on every commit, so a ticket
 * acknowledged after its commit survives a power cut.
 */
export function openDatabase(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
