import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../store/migrate.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { fileStamp } from './backup-names.js';

/** A backup that must not replace the database, with the reason in plain words. */
export class RestoreRefused extends Error {}

/** Tables every layso database has had since schema 1. */
const REQUIRED_TABLES = ['schema_migrations', 'meta', 'center_config', 'devices', 'tickets', 'sequences'];

/**
 * Checks a backup file without changing it: SQLite's integrity check passes, it is a
 * layso database, and its schema is not newer than this release (an older one is
 * upgraded by the next start, which backs it up first). Returns its schema version.
 */
export function validateBackup(file: string, knownVersion = loadMigrations().length): number {
  if (!existsSync(file)) throw new RestoreRefused(`no such file: ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`${file} is not an SQLite database: ${(error as Error).message}`);
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    } catch (error) {
      throw new RestoreRefused(`${file} is not a readable SQLite database: ${(error as Error).message}`);
    }
    if (integrity !== 'ok') throw new RestoreRefused(`${file} is damaged (integrity_check: ${integrity})`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new RestoreRefused(`${file} is not a layso database (missing tables: ${missing.join(', ')})`);
    const version = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
    if (version > knownVersion) {
      throw new RestoreRefused(`${file} has schema ${version}, newer than this release knows (${knownVersion}); restore it with that release or newer`);
    }
    return version;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** Where the database that was replaced now is. */
  movedAside: string | null;
  schemaVersion: number;
}

/**
 * Replaces the data folder's database by a backup (the hub must be stopped): the
 * backup is validated, the current database and its -wal/-shm move to
 * `<data>/backups/before-restore-<stamp>.sqlite(-wal|-shm)`, then the backup is copied in.
 */
export function restoreBackup(options: { dataDir: string; from: string; now?: number }): RestoreResult {
  const schemaVersion = validateBackup(options.from);
  const target = join(options.dataDir, DATABASE_FILE);
  const backupsDir = join(options.dataDir, 'backups');
  mkdirSync(backupsDir, { recursive: true });
  let movedAside: string | null = null;
  if (existsSync(target)) {
    movedAside = join(backupsDir, `before-restore-${fileStamp(options.now ?? Date.now())}.sqlite`);
    renameSync(target, movedAside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) renameSync(target + suffix, movedAside + suffix);
    }
  }
  // Copy to a temp name first: a crash mid-copy never leaves half a database under the real name.
  const partial = `${target}.restoring`;
  try {
    copyFileSync(options.from, partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { movedAside, schemaVersion };
}
