import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { CenterConfig } from '@layso/shared';
import { QueueCore } from '../queue/queue-core.js';
import { DATABASE_FILE, openDatabase } from '../store/open-database.js';
import { SqliteQueueStore } from '../store/sqlite-queue-store.js';
import { FakeClock } from './fake-clock.js';
import { testCenter } from './test-center.js';

/** The real SQLite store, counting the commits (outermost transactions) it makes. */
export class CountingQueueStore extends SqliteQueueStore {
  commits = 0;

  constructor(private readonly connection: Database.Database) {
    super(connection);
  }

  override transaction<T>(fn: () => T): T {
    const outermost = !this.connection.inTransaction;
    const result = super.transaction(fn);
    if (outermost) this.commits += 1;
    return result;
  }
}

export interface TempStore {
  core: QueueCore;
  store: CountingQueueStore;
  db: Database.Database;
  clock: FakeClock;
  /** The temp folder and the database file in it. */
  dir: string;
  file: string;
  /** Closes the database, keeps the folder, opens it again with a new core (a hub restart). */
  reopen(): TempStore;
  /** Closes the database and removes the folder. */
  close(): void;
}

export interface TempStoreOptions {
  config?: CenterConfig;
  clock?: FakeClock;
}

/**
 * A queue core over a real SQLite file (WAL, migrations) in a fresh temp folder,
 * closed and removed when the current test finishes.
 */
export function openTempStore(options: TempStoreOptions = {}): TempStore {
  const dir = makeTempDir();
  const file = join(dir, DATABASE_FILE);
  const clock = options.clock ?? new FakeClock();
  let latest: Database.Database | null = null;
  const close = () => {
    if (latest?.open) latest.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const open = (config: CenterConfig | undefined): TempStore => {
    const db = openDatabase(file);
    latest = db;
    const store = new CountingQueueStore(db);
    const core = new QueueCore(store, clock, config);
    const reopen = () => {
      db.close();
      return open(undefined);
    };
    return { core, store, db, clock, dir, file, reopen, close };
  };
  onTestFinished(close);
  return open(options.config ?? testCenter());
}

/** A fresh empty folder, removed when the current test finishes. */
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'layso-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Closes a database connection when the current test finishes; returns it. */
export function closeAfterTest(db: Database.Database): Database.Database {
  onTestFinished(() => {
    if (db.open) db.close();
  });
  return db;
}
