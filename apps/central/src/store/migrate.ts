import { fileURLToPath } from 'node:url';
import { loadMigrations as loadMigrationFiles, type Migration } from '@layso/shared/node/migration-files';
import type { SqlClient } from './sql-client.js';

export type { Migration };

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** This app's `NNN-name.sql` files in version order (the listing rules live in the shared package). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return loadMigrationFiles(dir);
}

// Any constant: serialises two centrals starting on one new database.
const MIGRATION_LOCK = 7_203_320_001;

/**
 * Applies all pending migrations in one transaction (PostgreSQL's DDL is
 * transactional): an upgrade that fails anywhere leaves the schema as it was.
 * Returns the versions applied.
 */
export async function migrate(db: SqlClient, migrations = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this central knows (${migrations.length}); refusing to start`);
    }
    const applied: number[] = [];
    for (const migration of migrations.filter((m) => m.version > current)) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

export async function schemaVersion(db: SqlClient): Promise<number> {
  const { rows: exists } = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t) return 0;
  const { rows } = await db.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
