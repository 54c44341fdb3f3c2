import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

/** How long a client may take, per connection. Node's defaults let a slow body hold a socket for 300 s. */
export interface HttpTimeouts {
  /** Until the request's headers are in. */
  headersMs: number;
  /** Until the whole request (headers and body) is in; the answer may take longer (a backup download). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

/**
 * For a LAN appliance: every request body the hub takes is at most 64 KB (no
 * uploads; backups are downloads and restores a CLI step), so 30 s is generous even
 * over a weak Wi-Fi. A socket.io long-poll is not cut: its request is complete as soon
 * as its headers are in, and only receiving the request is timed.
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/**
 * The options for `http.createServer` / `https.createServer`. The check interval is
 * set too: Node looks for late requests only that often (30 s by default), which
 * would let a slow client keep its socket up to 30 s past its deadline.
 */
export function serverTimeoutOptions(timeouts: HttpTimeouts) {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
  };
}

/** Sets them on a created server as well (the properties are what Node reads for each new request). */
export function applyServerTimeouts(server: HttpServer | HttpsServer, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
}
