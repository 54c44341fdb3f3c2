import pg from 'pg';
import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * The little of PostgreSQL central needs, the same over a real server (node-postgres
 * pool) and over the embedded PGlite: parameterised queries, multi-statement scripts
 * (migrations) and transactions.
 */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
  /** Several statements, no parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlRunner {
  readonly kind: 'postgres' | 'pglite';
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createPgClient(config: pg.PoolConfig): SqlClient {
  const pool = new pg.Pool({ max: 8, ...config });
  // An idle client losing its server (a restart) must not end the process.
  pool.on('error', () => {});
  const runner = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(script: string) {
      await client.query(script);
    },
  });
  return {
    kind: 'postgres',
    ...runner(pool),
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite: one in-process connection; `dataDir` undefined keeps it in memory. */
export async function createPgliteClient(dataDir?: string): Promise<SqlClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db: PGlite = await PGlite.create(dataDir);
  const runner = (on: PGlite | Transaction): SqlRunner => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await on.query<Row>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(script: string) {
      await on.exec(script);
    },
  });
  return {
    kind: 'pglite',
    ...runner(db),
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) => db.transaction((tx) => work(runner(tx))),
    close: () => db.close(),
  };
}
