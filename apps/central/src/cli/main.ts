import { parseArgs } from 'node:util';
import { startCentral } from '../app/start-central.js';
import { HubRegistry } from '../ingest/hub-registry.js';
import { migrate } from '../store/migrate.js';
import { createPgClient, createPgliteClient, type SqlClient } from '../store/sql-client.js';

const USAGE = `layso central (docs/central.md)

  serve     [--port 8700] [--host 127.0.0.1] [storage]   run the ingest API
            (and GET /api/centers with LAYSO_CENTRAL_READ_TOKEN set: Authorization: Bearer <token>)
  hub-add   <id> --name NAME --province PROVINCE [--secret S] [storage]
            register a hub (or rotate its secret); prints the secret for the hub's settings

storage:
  --postgres            a PostgreSQL server: --database-url, or LAYSO_CENTRAL_DATABASE_URL,
                        or the libpq variables PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD
  --database-url URL    postgres://user:password@host:5432/layso_central
  --data DIR            embedded PGlite in DIR (the default: .data/central), for demo and dev
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  postgres: { type: 'boolean' },
  'database-url': { type: 'string' },
  data: { type: 'string' },
  name: { type: 'string' },
  province: { type: 'string' },
  secret: { type: 'string' },
  help: { type: 'boolean' },
} as const;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function openStorage(values: { postgres?: boolean; 'database-url'?: string; data?: string }): Promise<SqlClient> {
  const url = values['database-url'] ?? process.env.LAYSO_CENTRAL_DATABASE_URL;
  if (url) return createPgClient({ connectionString: url });
  if (values.postgres) return createPgClient({});
  return createPgliteClient(values.data ?? '.data/central');
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return;
  }
  if (command === 'serve') {
    const port = Number(values.port ?? 8700);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port: not a port: ${values.port}`);
    const db = await openStorage(values);
    const readToken = process.env.LAYSO_CENTRAL_READ_TOKEN;
    const central = await startCentral({ db, port, host: values.host ?? '127.0.0.1', ...(readToken ? { readToken } : {}) });
    const stop = () => void central.close().then(() => db.close()).then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    console.log(`layso central listening on ${central.url} (storage: ${db.kind})`);
    return;
  }
  if (command === 'hub-add') {
    const [id] = rest;
    if (!id || !values.name || !values.province) fail(`hub-add needs <id> --name --province\n\n${USAGE}`);
    const db = await openStorage(values);
    try {
      await migrate(db);
      const hub = await new HubRegistry(db).register({ id, name: values.name, province: values.province, ...(values.secret ? { secret: values.secret } : {}) });
      console.log(`hub ${hub.id} registered; put this in the hub's settings:\n  central-hub-id: ${hub.id}\n  central-secret: ${hub.secret}`);
    } catch (error) {
      fail(`hub-add: ${(error as Error).message}`);
    } finally {
      await db.close();
    }
    return;
  }
  fail(`unknown command ${command}\n\n${USAGE}`);
}

void main().catch((error: unknown) => fail(`layso central cannot start: ${(error as Error).message}`));
