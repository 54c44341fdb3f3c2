import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, type Migration } from './migrate.js';
import { DATABASE_FILE, openDatabase } from './open-database.js';
import { closeAfterTest, makeTempDir } from '../testing/temp-store.js';

/** A database file in a fresh temp folder, opened without any migration. */
function bareDatabase(): Database.Database {
  return closeAfterTest(new Database(join(makeTempDir(), DATABASE_FILE)));
}

function versions(db: Database.Database): { version: number; name: string }[] {
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const CREATE_CITIZENS: Migration = { version: 1, name: '001-citizens.sql', sql: 'CREATE TABLE citizens (id INTEGER PRIMARY KEY, name TEXT);' };
/** Creates a table, fills it, then fails on a table that does not exist. */
const BROKEN_SECOND: Migration = {
  version: 2,
  name: '002-broken.sql',
  sql: `CREATE TABLE visits (id INTEGER PRIMARY KEY);
        INSERT INTO citizens (name) VALUES ('half-done');
        INSERT INTO no_such_table VALUES (1);`,
};
const FIXED_SECOND: Migration = { ...BROKEN_SECOND, name: '002-visits.sql', sql: 'CREATE TABLE visits (id INTEGER PRIMARY KEY);' };

describe('migrations of the hub database', () => {
  it('run once on a new file and are recorded', () => {
    const file = join(makeTempDir(), DATABASE_FILE);
    const db = openDatabase(file);
    const expected = loadMigrations().map((m) => ({ version: m.version, name: m.name }));
    expect(expected[0]).toEqual({ version: 1, name: '001-initial.sql' });
    expect(versions(db)).toEqual(expected);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['tickets', 'sequences', 'counter_state', 'devices', 'meta']));
    expect(migrate(db)).toEqual([]);
    db.close();

    const reopened = closeAfterTest(openDatabase(file));
    expect(versions(reopened)).toEqual(expected);
  });

  it('open the file durable: WAL journal, full sync, foreign keys on', () => {
    const db = closeAfterTest(openDatabase(join(makeTempDir(), DATABASE_FILE)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('apply only the pending ones and report their versions', () => {
    const db = bareDatabase();
    expect(migrate(db, [CREATE_CITIZENS])).toEqual([1]);
    expect(migrate(db, [CREATE_CITIZENS, FIXED_SECOND])).toEqual([2]);
    expect(versions(db).map((v) => v.version)).toEqual([1, 2]);
  });

  it('leave the database at the previous version when one fails', () => {
    const db = bareDatabase();
    expect(() => migrate(db, [CREATE_CITIZENS, BROKEN_SECOND])).toThrow(/no_such_table/);
    expect(versions(db)).toEqual([{ version: 1, name: '001-citizens.sql' }]);
    expect(tableNames(db)).not.toContain('visits');
    expect(db.prepare('SELECT COUNT(*) AS n FROM citizens').get()).toEqual({ n: 0 });
    expect(db.inTransaction).toBe(false);
    // The fixed release then migrates normally.
    expect(migrate(db, [CREATE_CITIZENS, FIXED_SECOND])).toEqual([2]);
    expect(tableNames(db)).toContain('visits');
  });

  it('refuse a database newer than the hub', () => {
    const db = bareDatabase();
    migrate(db, [CREATE_CITIZENS, FIXED_SECOND]);
    expect(() => migrate(db, [CREATE_CITIZENS])).toThrow(/newer than this hub knows/);
  });

  it('load NNN-name.sql files in order and refuse a gap', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '002-second.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '001-first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    expect(loadMigrations(dir).map((m) => [m.version, m.name])).toEqual([
      [1, '001-first.sql'],
      [2, '002-second.sql'],
    ]);
    writeFileSync(join(dir, '004-fourth.sql'), 'SELECT 4;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });
});
