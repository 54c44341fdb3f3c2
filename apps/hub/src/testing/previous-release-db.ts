import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { centerConfigSchema } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { loadMigrations, MIGRATIONS_DIR } from '../store/migrate.js';
import { DATABASE_FILE, openDatabase } from '../store/open-database.js';

/** Tables of schema version 1, the first release's database. */
export const V1_TABLES = ['meta', 'center_config', 'devices', 'sequences', 'tickets', 'ticket_events', 'counter_state', 'service_current', 'command_results'] as const;

/**
 * A data folder as the first release (migration 001 only) left it after a morning's
 * work: the demo center, a kiosk device, and two tickets of counter 86 today. Written
 * with plain SQL against the v1 tables, not with today's store code (which expects
 * the current schema).
 */
export function createPreviousReleaseData(dataDir: string, day: string): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE), { migrations: loadMigrations().slice(0, 1) });
  const now = Date.now();
  db.prepare('INSERT INTO center_config (id, config_json, updated_at) VALUES (1, ?, ?)').run(JSON.stringify(centerConfigSchema.parse(DEMO_CENTER)), now);
  db.prepare("INSERT INTO devices (token_hash, role, counter, name, created_at) VALUES (?, 'kiosk', NULL, 'kiosk 1', ?)").run('0'.repeat(64), now);
  db.prepare("INSERT INTO sequences (day, prefix, last_seq) VALUES (?, '86', 2)").run(day);
  const ticket = db.prepare(
    "INSERT INTO tickets (day, number, prefix, seq, service_id, original_service_id, status, source, queue_key, issued_at) VALUES (?, ?, '86', ?, 'cong-an-xnc', 'cong-an-xnc', 'waiting', 'kiosk', ?, ?)",
  );
  ticket.run(day, '86001', 1, 1, now);
  ticket.run(day, '86002', 2, 2, now);
  db.close();
}

/** The columns each v1 table had, read from migration 001 itself (later migrations add columns). */
function v1Columns(): Record<string, string[]> {
  const db = new Database(':memory:');
  try {
    db.exec(loadMigrations()[0]!.sql);
    return Object.fromEntries(
      V1_TABLES.map((table) => [table, (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)]),
    );
  } finally {
    db.close();
  }
}

/** Every row of the v1 tables, in their v1 columns, to compare before and after an upgrade. */
export function readV1Tables(file: string): Record<string, unknown[]> {
  const columns = v1Columns();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(V1_TABLES.map((table) => [table, db.prepare(`SELECT ${columns[table]!.join(', ')} FROM ${table} ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}

export function readSchemaVersions(file: string): number[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  } finally {
    db.close();
  }
}

/** The shipped migrations plus one that creates a table and then fails: a broken release. */
export function brokenMigrationsDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const migration of loadMigrations()) copyFileSync(join(MIGRATIONS_DIR, migration.name), join(dir, migration.name));
  const next = String(loadMigrations().length + 1).padStart(3, '0');
  writeFileSync(join(dir, `${next}-broken.sql`), 'CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n');
  return dir;
}
