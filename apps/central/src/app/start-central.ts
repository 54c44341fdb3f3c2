import type { AddressInfo } from 'node:net';
import { createCentralServer } from '../http/central-server.js';
import { HubRegistry } from '../ingest/hub-registry.js';
import { IngestService, type IngestOptions } from '../ingest/ingest-service.js';
import { DayPartitions } from '../store/day-partitions.js';
import { readRoutes } from '../read/read-routes.js';
import { migrate } from '../store/migrate.js';
import type { SqlClient } from '../store/sql-client.js';

export interface Central {
  url: string;
  port: number;
  hubs: HubRegistry;
  ingest: IngestService;
  db: SqlClient;
  close(): Promise<void>;
}

/** Migrates the database and serves the ingest API on host:port (0 = ephemeral). */
export async function startCentral(options: {
  db: SqlClient;
  port?: number;
  host?: string;
  now?: () => number;
  log?: (line: string) => void;
  /** Bearer token for the read API (GET /api/centers, /api/ranking); without one the read API is off. */
  readToken?: string;
  ingest?: IngestOptions;
}): Promise<Central> {
  const { db } = options;
  await migrate(db);
  const hubs = new HubRegistry(db);
  const ingest = new IngestService(db, new DayPartitions(db), options.ingest);
  const server = createCentralServer({
    hubs,
    ingest,
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
    reads: { '/api/health': async () => ({ ok: true, storage: db.kind }) },
    ...(options.readToken ? { readToken: options.readToken, protectedReads: readRoutes(db, options.now ?? Date.now) } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    hubs,
    ingest,
    db,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
