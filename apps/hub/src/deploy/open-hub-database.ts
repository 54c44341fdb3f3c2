import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { loadMigrations, migrate, schemaVersion } from '../store/migrate.js';
import { openDatabase } from '../store/open-database.js';
import { checkDatabaseFile, DatabaseNeedsAttentionError, isUnusableDatabaseError, unusableDatabase } from './database-file-check.js';

export { DatabaseNeedsAttentionError } from './database-file-check.js';

/** This release cannot upgrade the database (or it is from a newer one): a human has to look (exit code 65, no restart loop). */
export class DatabaseUpgradeError extends DatabaseNeedsAttentionError {}

export interface OpenHubDatabaseOptions {
  file: string;
  /** The hub's version, part of the backup's name. */
  version: string;
  /** Where backups go (DATA/backups). */
  backupDir: string;
  /** Test-only: migrations from another folder (e.g. one with a broken migration). */
  migrationsDir?: string;
  now?: () => Date;
}

export interface OpenedHubDatabase {
  db: Database.Database;
  /** The copy taken before an upgrade, or null when nothing had to be migrated. */
  backupFile: string | null;
  fromVersion: number;
  applied: number[];
}

/** `2026-11-23T02-00-00-000Z`: sortable, and valid in a Windows file name too. */
function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens the hub's database for a start. When an existing database needs migrations
 * (the center installed a new release), it is first copied with SQLite's online
 * backup to DATA/backups/layso-<version>-<timestamp>.db, then every pending
 * migration runs in ONE transaction: a failure anywhere leaves the file exactly as
 * the previous release left it, and the hub refuses to start with a clear message.
 */
export async function openHubDatabase(options: OpenHubDatabaseOptions): Promise<OpenedHubDatabase> {
  let migrations;
  try {
    migrations = loadMigrations(options.migrationsDir);
  } catch (error) {
    throw new DatabaseUpgradeError(`the database migrations shipped with this hub are unusable: ${(error as Error).message}`, { cause: error });
  }
  // An empty, unreadable or not-a-file database is refused before SQLite sees it
  // (SQLite would take an empty file for a new database).
  checkDatabaseFile(options.file, dirname(options.file), options.backupDir);
  let db: Database.Database;
  try {
    db = openDatabase(options.file, { migrations: false });
  } catch (error) {
    throw isUnusableDatabaseError(error) ? unusableDatabase(options.file, dirname(options.file), options.backupDir, error) : error;
  }
  try {
    let fromVersion: number;
    try {
      fromVersion = schemaVersion(db);
    } catch (error) {
      throw isUnusableDatabaseError(error) ? unusableDatabase(options.file, dirname(options.file), options.backupDir, error) : error;
    }
    const target = migrations.length;
    if (fromVersion > target) {
      throw new DatabaseUpgradeError(
        `the database ${options.file} has schema version ${fromVersion}, newer than this hub ${options.version} knows (${target}): ` +
          `it was written by a newer release. Install that release again (or restore a backup from ${options.backupDir} made before the upgrade).`,
      );
    }
    let backupFile: string | null = null;
    if (fromVersion > 0 && fromVersion < target) {
      mkdirSync(options.backupDir, { recursive: true });
      backupFile = join(options.backupDir, `layso-${options.version}-${fileStamp((options.now ?? (() => new Date()))())}.db`);
      try {
        await db.backup(backupFile);
      } catch (error) {
        throw new DatabaseUpgradeError(
          `could not back up the database before upgrading it (schema ${fromVersion} → ${target}) to ${backupFile}: ${(error as Error).message}. ` +
            'Nothing was changed; free some disk space and start again.',
          { cause: error },
        );
      }
    }
    let applied: number[];
    try {
      applied = migrate(db, migrations, { allOrNothing: true });
    } catch (error) {
      throw new DatabaseUpgradeError(
        `upgrading the database ${options.file} from schema version ${fromVersion} to ${target} failed: ${(error as Error).message}. ` +
          `Nothing was changed${backupFile ? ` (a copy taken before the attempt is ${backupFile})` : ''}. ` +
          'The hub will not start with this release: reinstall the previous release, and report this message.',
        { cause: error },
      );
    }
    return { db, backupFile, fromVersion, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}
