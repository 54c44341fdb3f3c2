import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  CENTRAL_HUB_HEADER,
  CENTRAL_INGEST_PATH,
  CENTRAL_MAX_BODY_BYTES,
  CentralErrorCode,
  centralHubIdSchema,
  centralIngestBatchSchema,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type CentralErrorBody,
} from '@layso/shared';
import { checkSignature } from '@layso/shared/request-signature';
import type { HubRegistry } from '../ingest/hub-registry.js';
import type { IngestService } from '../ingest/ingest-service.js';
import { CentralRefusal } from './central-refusal.js';

const STATUS: Record<CentralErrorCode, number> = {
  UNSIGNED: 401,
  STALE_SIGNATURE: 401,
  BAD_SIGNATURE: 401,
  UNKNOWN_HUB: 401,
  INVALID_BATCH: 400,
  OUT_OF_ORDER: 400,
  GAP: 409,
  TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  UNAVAILABLE: 503,
  INVALID_QUERY: 400,
};

/** A GET handler; it throws a CentralRefusal (INVALID_QUERY) for a bad query. */
export type ReadRoute = (query: URLSearchParams) => Promise<unknown>;

export interface CentralServerDeps {
  hubs: HubRegistry;
  ingest: IngestService;
  now?: () => number;
  /** Extra read routes (GET only), by exact path; the query string is the handler's to validate. */
  reads?: Record<string, ReadRoute>;
  /** Read routes that need `Authorization: Bearer <readToken>`. */
  protectedReads?: Record<string, ReadRoute>;
  readToken?: string;
  log?: (line: string) => void;
}

/**
 * Central's HTTP API. Every refusal is a CentralErrorCode with its status; a database
 * that is down answers 503 UNAVAILABLE (the hub retries); nothing a request sends
 * ends the process.
 */
export function createCentralServer(deps: CentralServerDeps): Server {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((line: string) => console.error(line));
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof CentralRefusal) return send(res, STATUS[error.code], errorBody(error.code, error.message, error.highWater));
      log(`central: request failed: ${error instanceof Error ? error.message : String(error)}`);
      send(res, 503, errorBody(CentralErrorCode.UNAVAILABLE, 'central cannot store events right now; retry later'));
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const url = new URL(path, 'http://central.invalid');
    const read = req.method === 'GET' ? route(deps.reads, url.pathname) : undefined;
    if (read) {
      req.resume();
      return send(res, 200, await read(url.searchParams));
    }
    const protectedRead = req.method === 'GET' && deps.readToken ? route(deps.protectedReads, url.pathname) : undefined;
    if (protectedRead) {
      req.resume();
      if (!sameSecret(req.headers.authorization ?? '', `Bearer ${deps.readToken}`)) return send(res, 401, errorBody(CentralErrorCode.UNAUTHENTICATED, 'read token required (Authorization: Bearer …)'));
      return send(res, 200, await protectedRead(url.searchParams));
    }
    if (path !== CENTRAL_INGEST_PATH || req.method !== 'POST') {
      req.resume();
      return send(res, 404, errorBody(CentralErrorCode.NOT_FOUND, `no route ${req.method} ${path}`));
    }
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    const hubId = header(CENTRAL_HUB_HEADER);
    const timestamp = header(TIMESTAMP_HEADER);
    const signature = header(SIGNATURE_HEADER);
    if (!hubId || !timestamp || !signature) {
      req.resume();
      return send(res, 401, errorBody(CentralErrorCode.UNSIGNED, `signed request required (${CENTRAL_HUB_HEADER}, ${TIMESTAMP_HEADER}, ${SIGNATURE_HEADER})`));
    }
    const body = await readBody(req, CENTRAL_MAX_BODY_BYTES);
    if (body === null) return send(res, 413, errorBody(CentralErrorCode.TOO_LARGE, `request body over ${CENTRAL_MAX_BODY_BYTES} bytes`), true);
    const hub = centralHubIdSchema.safeParse(hubId).success ? await deps.hubs.find(hubId) : null;
    if (!hub) return send(res, 401, errorBody(CentralErrorCode.UNKNOWN_HUB, `hub ${hubId.slice(0, 64)} is not registered with central`));
    const problem = checkSignature({ secret: hub.secret, timestamp, signature, method: 'POST', path, body, now: now() });
    if (problem === 'stale') return send(res, 401, errorBody(CentralErrorCode.STALE_SIGNATURE, 'request timestamp is more than 5 minutes away from central clock'));
    if (problem) return send(res, 401, errorBody(CentralErrorCode.BAD_SIGNATURE, 'request signature does not match this hub'));
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, 400, errorBody(CentralErrorCode.INVALID_BATCH, 'body is not JSON'));
    }
    const batch = centralIngestBatchSchema.safeParse(json);
    if (!batch.success) return send(res, 400, errorBody(CentralErrorCode.INVALID_BATCH, batch.error.issues[0]?.message ?? 'invalid batch'));
    send(res, 200, await deps.ingest.ingest(hub.id, batch.data.events));
  }

  return server;
}

function route(routes: Record<string, ReadRoute> | undefined, pathname: string): ReadRoute | undefined {
  return routes && Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function errorBody(code: CentralErrorCode, message: string, highWater?: number): CentralErrorBody {
  return { error: { code, message, ...(highWater === undefined ? {} : { highWater }) } };
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...(close ? { Connection: 'close' } : {}) });
  res.end(text);
}

/** The body as text, or null past `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
