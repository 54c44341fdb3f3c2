import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openHubDatabase } from '../deploy/open-hub-database.js';
import type { Clock } from '../queue/ports.js';
import { HUB_BUSY_TIMEOUT_MS } from '../store/database-busy.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { StorageWatch } from '../store/storage-watch.js';
import { WalCheckpointer } from '../store/wal-checkpointer.js';
import { HUB_VERSION } from './hub-version.js';

export interface HubStorage {
  db: Database.Database;
  /** The database copy taken before this start upgraded the schema, if it did. */
  backupFile: string | null;
  storage: StorageWatch;
  checkpointer: WalCheckpointer;
}

/**
 * The hub's database, migrated (a copy is kept first when the schema is upgraded), with
 * the hub's busy timeout, the full-disk watch and the WAL checkpoints on a worker.
 */
export async function openHubStorage(options: { dataDir: string; migrationsDir?: string | undefined }, clock: Clock, log: (message: string, error?: unknown) => void): Promise<HubStorage> {
  const { db, backupFile, fromVersion, applied } = await openHubDatabase({
    file: join(options.dataDir, DATABASE_FILE),
    version: HUB_VERSION,
    backupDir: join(options.dataDir, 'backups'),
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
  });
  if (backupFile) log(`database upgraded from schema ${fromVersion} (migrations ${applied.join(', ')}); the copy taken before is ${backupFile}`);
  db.pragma(`busy_timeout = ${HUB_BUSY_TIMEOUT_MS}`);
  // Before any store exists: every transaction reports a full disk here, and the next one that writes clears it.
  const storage = new StorageWatch(db, clock, log);
  // WAL checkpoints run on a worker thread, so no batch of tickets waits for one.
  const checkpointer = new WalCheckpointer(db, { log });
  return { db, backupFile, storage, checkpointer };
}
