import { createPgClient, createPgliteClient, type SqlClient } from '../store/sql-client.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

/**
 * The same integration suites run on a real PostgreSQL 15 server and on PGlite:
 * `describe.each(STORAGE_BACKENDS)` and `fresh()` for an empty database per test.
 */
export interface StorageBackend {
  name: 'postgres' | 'pglite';
  setup(): Promise<void>;
  /** An empty database (a new database on the server; a new in-memory PGlite). */
  fresh(): Promise<SqlClient>;
  teardown(): Promise<void>;
}

function postgresBackend(): StorageBackend {
  let server: PostgresServer | null = null;
  let admin: SqlClient | null = null;
  let n = 0;
  const open: SqlClient[] = [];
  return {
    name: 'postgres',
    async setup() {
      server = await startPostgresServer();
      admin = createPgClient(server.connection);
    },
    async fresh() {
      const database = `t${++n}_${process.pid}`;
      await admin!.query(`CREATE DATABASE ${database}`);
      const client = createPgClient({ ...server!.connection, database });
      open.push(client);
      return client;
    },
    async teardown() {
      await Promise.all(open.map((c) => c.close().catch(() => {})));
      await admin?.close().catch(() => {});
      server?.stop();
    },
  };
}

function pgliteBackend(): StorageBackend {
  // One instance (starting PGlite takes seconds on this machine), emptied per test.
  let client: SqlClient | null = null;
  return {
    name: 'pglite',
    async setup() {
      client = await createPgliteClient();
    },
    async fresh() {
      await client!.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      return { ...client!, close: async () => {} };
    },
    async teardown() {
      await client?.close();
    },
  };
}

export const STORAGE_BACKENDS: Array<() => StorageBackend> = [postgresBackend, pgliteBackend];
export { postgresBackend };
