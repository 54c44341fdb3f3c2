import { join } from 'node:path';
import { describeQueueStoreContract } from '../queue/queue-store-contract.js';
import { closeAfterTest, makeTempDir } from '../test/temp-store.js';
import { DATABASE_FILE, openDatabase } from './open-database.js';
import { SqliteQueueStore } from './sqlite-queue-store.js';

// The same contract the in-memory store meets, on a real SQLite file (WAL, migrations, foreign keys).
describeQueueStoreContract('SqliteQueueStore', () => new SqliteQueueStore(closeAfterTest(openDatabase(join(makeTempDir(), DATABASE_FILE)))));
