import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { loadMigrations } from '../../apps/hub/src/store/migrate.js';
import type { openDatabase } from '../../apps/hub/src/store/open-database.js';

/** A better-sqlite3 connection, typed through the hub (bench/ has no copy of the package). */
export type Db = ReturnType<typeof openDatabase>;
type DatabaseConstructor = new (file: string) => Db;

// better-sqlite3 is a dependency of apps/hub only: load that very copy.
const requireFromHub = createRequire(new URL('../../apps/hub/package.json', import.meta.url));

/** A bare connection: no pragmas, no migrations. */
export function openRawDatabase(file: string): Db {
  const Database = requireFromHub('better-sqlite3') as DatabaseConstructor;
  return new Database(file);
}

/** Schema version plus a hash of the migration files: a cache built for another schema is never reused. */
export function schemaKey(): string {
  const migrations = loadMigrations();
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.name}\n${m.sql}\n`);
  return `v${migrations.length}-${hash.digest('hex').slice(0, 10)}`;
}
