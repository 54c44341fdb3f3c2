import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@layso/shared';
import { bearerToken } from '../auth/bearer-token.js';
import type { TokenAuthenticator } from '../auth/token-authenticator.js';
import type { Device } from '../auth/caller.js';
import { ApiError, sendError, sendFile, sendJson, validationError } from './api-error.js';
import type { StorageFaultOf } from '../queue/storage-fault.js';
import { FailureLimiter } from './failure-limiter.js';
import { readJsonBody } from './read-json-body.js';
import { authorize, Router, type Route } from './router.js';
import { ownerOf, type CanonicalTarget } from './canonical-path.js';
import type { TargetHandler } from './hub-listener.js';
import { pageCsp } from './security-headers.js';
import { serveStatic, type SpaMount } from './static-files.js';

export interface RequestHandlerOptions {
  routes: Route[];
  /** Device tokens and admin sessions alike (the same one socket.io uses). */
  auth: TokenAuthenticator;
  mounts: readonly SpaMount[];
  /** Extra pages (e.g. the landing page) keyed by exact path. */
  pages?: Record<string, () => string>;
  log(message: string, error?: unknown): void;
  /** Failed authentications per client address, shared with the socket.io side. */
  authFailures: FailureLimiter;
  /** Checks the signature of routes marked `signed`; throws a DomainError to refuse. */
  verifySignature?(req: IncomingMessage, body: string): void;
  /** Which thrown values are the storage refusing (503 busy, 507 full), not a fault of the hub's. */
  storageFaultOf?: StorageFaultOf;
}

/**
 * The API, the pages and the static files, for a request whose canonical path
 * hub-listener.ts has already checked and found to be theirs: route → authenticate →
 * authorize → read and validate the body → run the command. Bad input of any kind
 * ends as a 4xx error body.
 */
export function createRequestHandler(options: RequestHandlerOptions): TargetHandler {
  const router = new Router(options.routes);
  const authFailures = options.authFailures;

  function authenticate(req: IncomingMessage): Device | null {
    const header = req.headers.authorization;
    if (header === undefined) return null;
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (authFailures.isBlocked(ip)) throw new ApiError(ErrorCode.RATE_LIMITED, 'too many failed authentications; try again in a minute');
    const token = bearerToken(header);
    const device = token ? options.auth.authenticate(token) : null;
    if (!device) {
      authFailures.recordFailure(ip);
      throw new ApiError(ErrorCode.UNAUTHENTICATED, 'unknown or revoked device token, or the admin session has ended');
    }
    options.auth.touch(device);
    return device;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, search: URLSearchParams): Promise<void> {
    const match = router.match(req.method ?? 'GET', pathname);
    if (!match) throw new ApiError(ErrorCode.NOT_FOUND, `no such endpoint: ${req.method} ${pathname}`);
    const { route, rawParams } = match;
    const device = authenticate(req);
    authorize(route.access, device, rawParams);
    // Public routes need no token, so a caller's pending password change does not matter there.
    const refusal = device && route.access !== 'public' ? options.auth.refusal(device, route.method, route.path) : null;
    if (refusal) throw new ApiError(refusal.code, refusal.message);
    let params: unknown = rawParams;
    if (route.params) {
      const parsed = route.params.safeParse(rawParams);
      if (!parsed.success) throw validationError(parsed.error, 'path parameters');
      params = parsed.data;
    }
    const { text, value: raw } = req.method === 'GET' || req.method === 'HEAD' ? { text: '', value: undefined } : await readJsonBody(req, route.maxBodyBytes);
    if (route.signed) {
      if (!options.verifySignature) throw new ApiError(ErrorCode.FORBIDDEN, 'signed requests are not configured on this hub');
      options.verifySignature(req, text);
    }
    let body: unknown = raw;
    if (route.body) {
      const parsed = route.body.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error, 'request body');
      body = parsed.data;
    } else if (raw !== undefined) {
      throw new ApiError(ErrorCode.VALIDATION, 'this endpoint takes no request body');
    }
    let query: unknown = {};
    if (route.query) {
      const parsed = route.query.safeParse(Object.fromEntries(search));
      if (!parsed.success) throw validationError(parsed.error, 'query string');
      query = parsed.data;
    }
    const reply = await route.handle({ req, device, params, body, query });
    if (reply.file) sendFile(res, reply.status ?? 200, reply.file);
    else sendJson(res, reply.status ?? 200, reply.body ?? null);
  }

  return (req: IncomingMessage, res: ServerResponse, target: CanonicalTarget): void => {
    const { pathname, search } = target;
    if (ownerOf(pathname) === 'api') {
      handleApi(req, res, pathname, search).catch((error: unknown) => {
        sendError(res, error, options.log, options.storageFaultOf);
        // Drain what is left of a refused body so the socket can be reused or closed cleanly.
        if (!req.complete) req.resume();
      });
      return;
    }
    const page = options.pages?.[pathname];
    if (page && (req.method === 'GET' || req.method === 'HEAD')) {
      const html = page();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': pageCsp(html) });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(options.mounts, pathname, req, res, options.log)) return;
    sendError(res, new ApiError(ErrorCode.NOT_FOUND, `nothing at ${pathname}`), options.log);
    req.resume();
  };
}
