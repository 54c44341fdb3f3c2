import { fileURLToPath } from 'node:url';
import { loadMigrations as loadMigrationFiles, type Migration } from '@layso/shared/node/migration-files';
import type Database from 'better-sqlite3';

export type { Migration };

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** This app's `NNN-name.sql` files in version order (the listing rules live in the shared package). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return loadMigrationFiles(dir);
}

/** The highest applied migration; 0 for a new (never migrated) database. */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return 0;
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

export interface MigrateOptions {
  /**
   * All pending migrations in one transaction (each one a savepoint inside it): an
   * upgrade across several versions that fails anywhere leaves the database exactly
   * as the previous release left it. The hub's start uses this.
   */
  allOrNothing?: boolean;
}

/**
 * Applies pending migrations, each in its own transaction, so a failing migration
 * leaves the database exactly as the previous version left it.
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, migrations = loadMigrations(), options: MigrateOptions = {}): number[] {
  if (options.allOrNothing) return db.transaction(() => migrate(db, migrations)).immediate();
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const known = migrations.length;
  if (current > known) {
    throw new Error(`database schema version ${current} is newer than this hub knows (${known}); refusing to start`);
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const versionNow = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations');
  for (const migration of migrations.filter((m) => m.version > current)) {
    // IMMEDIATE takes the write lock before looking again: another process opening the
    // same new database (a `token create` beside a starting hub) may have applied it.
    const ran = db
      .transaction(() => {
        if ((versionNow.get() as { v: number }).v >= migration.version) return false;
        db.exec(migration.sql);
        record.run(migration.version, migration.name, Date.now());
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
