import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeAfterTest, makeTempDir } from '../testing/temp-store.js';
import { openDatabase } from './open-database.js';

/**
 * The hub's connection (openDatabase) and a second writer on the same file, as the
 * report worker or `layso token create` are. The second connection does not wait for
 * locks, so each step's outcome shows who holds what.
 */
function twoWriters() {
  const file = join(makeTempDir(), 'hub.db');
  const hub = closeAfterTest(openDatabase(file, { migrations: false }));
  hub.exec('CREATE TABLE seq (id INTEGER PRIMARY KEY, last INTEGER NOT NULL); INSERT INTO seq VALUES (1, 0); CREATE TABLE other (x INTEGER)');
  const other = closeAfterTest(new Database(file));
  other.pragma('busy_timeout = 0');
  const readLast = () => (hub.prepare('SELECT last FROM seq WHERE id = 1').get() as { last: number }).last;
  const writeLast = (value: number) => hub.prepare('UPDATE seq SET last = ? WHERE id = 1').run(value);
  const otherWrites = () => other.prepare('INSERT INTO other VALUES (1)').run();
  return { hub, other, readLast, writeLast, otherWrites };
}

describe('transactions on the hub connection begin IMMEDIATE', () => {
  it('a deferred read-then-write transaction fails when another connection commits in between (the hazard)', () => {
    const { hub, readLast, writeLast, otherWrites } = twoWriters();
    const allocate = hub.transaction(() => {
      const last = readLast();
      otherWrites(); // e.g. the report worker saving a rollup right now
      writeLast(last + 1);
    });
    expect(() => allocate.deferred()).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_BUSY/) }));
    expect(readLast()).toBe(0);
  });

  it('by default holds the write lock from BEGIN: the other writer waits, the read-then-write commits', () => {
    const { hub, other, readLast, writeLast, otherWrites } = twoWriters();
    let otherError: unknown = null;
    hub.transaction(() => {
      const last = readLast();
      try {
        otherWrites();
      } catch (error) {
        otherError = error;
      }
      writeLast(last + 1);
    })();
    expect(otherError).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(readLast()).toBe(1);
    // Once committed, the other connection writes as usual.
    otherWrites();
    expect((other.prepare('SELECT COUNT(*) AS n FROM other').get() as { n: number }).n).toBe(1);
  });

  it('keeps nesting (savepoints), arguments and return values', () => {
    const { hub, readLast, writeLast } = twoWriters();
    const bump = hub.transaction((by: number) => {
      writeLast(readLast() + by);
      return readLast();
    });
    const outer = hub.transaction(() => {
      bump(1);
      try {
        hub.transaction(() => {
          bump(10);
          throw new Error('inner fails');
        })();
      } catch {
        // the inner savepoint is rolled back, the outer transaction goes on
      }
      return bump(100);
    });
    expect(outer()).toBe(101);
    expect(readLast()).toBe(101);
    expect(typeof outer.deferred).toBe('function');
    expect(typeof outer.exclusive).toBe('function');
  });
});
