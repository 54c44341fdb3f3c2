import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describeQueueStoreContract } from '../queue/queue-store-contract.js';
import { closeAfterTest, makeTempDir } from '../testing/temp-store.js';
import { DATABASE_FILE, openDatabase } from './open-database.js';
import { SqliteQueueStore } from './sqlite-queue-store.js';

const openStoreFile = () => {
  const file = join(makeTempDir(), DATABASE_FILE);
  return { file, store: new SqliteQueueStore(closeAfterTest(openDatabase(file))) };
};

// The same contract the in-memory store meets, on a real SQLite file (WAL, migrations, foreign keys).
describeQueueStoreContract('SqliteQueueStore', () => openStoreFile().store);

describe('SqliteQueueStore transactions on disk', () => {
  it('are visible to another connection when they return, and not before (what group commit publishes after)', () => {
    const { file, store } = openStoreFile();
    const reader = closeAfterTest(new Database(file, { readonly: true }));
    const committed = () => (reader.prepare('SELECT COUNT(*) AS n FROM meta WHERE key = ?').get('probe') as { n: number }).n;
    store.transaction(() => {
      store.transaction(() => store.setMeta('probe', 'inner'));
      expect(committed()).toBe(0);
    });
    expect(committed()).toBe(1);
  });
});
