import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sql-client.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `NNN-name.sql` files in version order; a gap or duplicate version is a packaging bug. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: readFileSync(`${dir}/${file}`, 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence (expected version ${i + 1})`);
  });
  return migrations;
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
