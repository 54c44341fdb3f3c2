import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { ErrorCode, HTTP_STATUS_BY_ERROR } from '@layso/shared';
import { ApiError, sendError } from './api-error.js';
import { DomainError } from '../queue/domain-error.js';
import { checkTarget, ownerOf, REALTIME_PATH, type CanonicalTarget, type Owner } from './canonical-path.js';
import { setSecurityHeaders } from './security-headers.js';

/** The API, the pages and the static files: everything but socket.io. */
export type TargetHandler = (req: IncomingMessage, res: ServerResponse, target: CanonicalTarget) => void;

/** What the listener needs of socket.io's engine (engine.io's `Server`). */
export interface RealtimeEngine {
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface HubListenerOptions {
  handle: TargetHandler;
  /** socket.io's engine, on the listener that serves screens (the LAN's); none on the portal's. */
  realtime?: RealtimeEngine;
  /** This listener's own refusal of a canonical path (HTTPS-only portal API, portal-only listener). */
  refuse?(target: CanonicalTarget, owner: Owner): DomainError | null;
  log(message: string, error?: unknown): void;
}

/**
 * Installs the server's ONE 'request' listener and ONE 'upgrade' listener. Each checks
 * the raw target once (checkTarget: refused with 400 before anyone reads it), decides
 * once who owns the canonical path (socket.io, the API, the pages and files), applies
 * the listener's refusals, and hands the request to exactly that owner. socket.io is
 * never attached to the server itself: engine.io would add a listener of its own that
 * claims requests by the raw URL, and two listeners answering one request crashed the
 * hub (ERR_HTTP_HEADERS_SENT) or left it unanswered.
 */
export function attachHubListener(server: HttpServer | HttpsServer, options: HubListenerOptions): void {
  const { log } = options;
  /** The canonical target and its owner, or why the request is refused. */
  const decide = (rawUrl: string | undefined): { target: CanonicalTarget; owner: Owner } | DomainError => {
    const checked = checkTarget(rawUrl);
    if (!checked.ok) return new ApiError(ErrorCode.VALIDATION, `refused request path: ${checked.reason}`);
    const owner = ownerOf(checked.target.pathname);
    return options.refuse?.(checked.target, owner) ?? { target: checked.target, owner };
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    const decided = decide(req.url);
    if (decided instanceof DomainError) return refuse(req, res, decided, log);
    const { target, owner } = decided;
    if (owner === 'realtime') {
      if (options.realtime && target.pathname === REALTIME_PATH) return options.realtime.handleRequest(req, res);
      return refuse(req, res, new ApiError(ErrorCode.NOT_FOUND, `nothing at ${target.pathname}`), log);
    }
    options.handle(req, res, target);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket that errors after the refusal must not become an unhandled 'error'.
    socket.on('error', () => {});
    const decided = decide(req.url);
    if (!(decided instanceof DomainError) && decided.owner === 'realtime' && decided.target.pathname === REALTIME_PATH && options.realtime) {
      return options.realtime.handleUpgrade(req, socket, head);
    }
    const error = decided instanceof DomainError ? decided : new ApiError(ErrorCode.NOT_FOUND, 'no websocket here');
    const status = HTTP_STATUS_BY_ERROR[error.code];
    const body = JSON.stringify({ error: { code: error.code, message: error.message } });
    socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

function refuse(req: IncomingMessage, res: ServerResponse, error: DomainError, log: HubListenerOptions['log']): void {
  sendError(res, error, log);
  // Read and drop any body, so the refusal reaches a client still sending it.
  req.resume();
}
