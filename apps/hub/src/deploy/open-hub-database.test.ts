import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../store/migrate.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { makeTempDir } from '../testing/temp-store.js';
import { DatabaseUpgradeError, openHubDatabase } from './open-hub-database.js';
import { brokenMigrationsDir, createPreviousReleaseData, readSchemaVersions, readV1Tables } from '../testing/previous-release-db.js';

const DAY = '2026-11-23';
const LATEST = loadMigrations().length;
const at = () => new Date('2026-11-23T02:00:00.000Z');

function tableNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('opening the database at the hub start', () => {
  it('a new data folder: migrated to the latest schema, no backup (nothing to lose)', async () => {
    const dataDir = makeTempDir();
    const opened = await openHubDatabase({ file: join(dataDir, DATABASE_FILE), version: '9.9.9', backupDir: join(dataDir, 'backups') });
    opened.db.close();
    expect(opened).toMatchObject({ backupFile: null, fromVersion: 0, applied: Array.from({ length: LATEST }, (_, i) => i + 1) });
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('an older schema: backed up first, then upgraded, the data kept', async () => {
    const dataDir = makeTempDir();
    const file = join(dataDir, DATABASE_FILE);
    createPreviousReleaseData(dataDir, DAY);
    const before = readV1Tables(file);

    const opened = await openHubDatabase({ file, version: '9.9.9', backupDir: join(dataDir, 'backups'), now: at });
    opened.db.close();
    expect(opened.backupFile).toBe(join(dataDir, 'backups', 'layso-9.9.9-2026-11-23T02-00-00-000Z.db'));
    expect(opened).toMatchObject({ fromVersion: 1, applied: Array.from({ length: LATEST - 1 }, (_, i) => i + 2) });
    expect(readSchemaVersions(file)).toEqual(Array.from({ length: LATEST }, (_, i) => i + 1));
    expect(readV1Tables(file)).toEqual(before);
    // The backup is the database as the previous release left it.
    expect(readSchemaVersions(opened.backupFile!)).toEqual([1]);
    expect(readV1Tables(opened.backupFile!)).toEqual(before);
  });

  it('a failing migration: nothing changed, a clear refusal, the backup kept', async () => {
    const dataDir = makeTempDir();
    const file = join(dataDir, DATABASE_FILE);
    createPreviousReleaseData(dataDir, DAY);
    const before = readV1Tables(file);
    const migrationsDir = brokenMigrationsDir(join(dataDir, 'broken-release'));

    const attempt = openHubDatabase({ file, version: '9.9.9', backupDir: join(dataDir, 'backups'), migrationsDir, now: at });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUpgradeError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`upgrading the database .* from schema version 1 to ${LATEST + 1} failed: no such table: no_such_table\\. Nothing was changed \\(a copy taken before the attempt is .*layso-9\\.9\\.9-.*\\.db\\)`),
    );
    // Not even the migrations before the broken one: all or nothing.
    expect(readSchemaVersions(file)).toEqual([1]);
    expect(tableNames(file)).not.toContain('half_done');
    expect(tableNames(file)).not.toContain('outbox');
    expect(readV1Tables(file)).toEqual(before);
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('a database from a newer release: refused, untouched', async () => {
    const dataDir = makeTempDir();
    const file = join(dataDir, DATABASE_FILE);
    (await openHubDatabase({ file, version: '9.9.9', backupDir: join(dataDir, 'backups') })).db.close();
    // What a newer release would have recorded.
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(LATEST + 5, 'from-the-future.sql');
    db.close();
    await expect(openHubDatabase({ file, version: '9.9.9', backupDir: join(dataDir, 'backups') })).rejects.toThrow(
      new RegExp(`schema version ${LATEST + 5}, newer than this hub 9\\.9\\.9 knows \\(${LATEST}\\)`),
    );
    expect(readSchemaVersions(file)).toEqual([...Array.from({ length: LATEST }, (_, i) => i + 1), LATEST + 5]);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });
});
