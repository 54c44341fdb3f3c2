import { ErrorCode } from '@layso/shared';
import { DomainError } from '../queue/domain-error.js';
import { attachHubListener, type TargetHandler } from '../http/hub-listener.js';
import type { HttpTimeouts } from '../http/server-timeouts.js';
import { isPortalApiPath } from './plain-http-guard.js';
import { startTlsListener, type TlsListener } from './tls-listener.js';

export interface PortalListenerOptions {
  port: number;
  host: string;
  certFile: string;
  keyFile: string;
  /** The hub's request handler (the same routes as the LAN listener). */
  handler: TargetHandler;
  timeouts: HttpTimeouts;
  log(message: string, error?: unknown): void;
}

export type PortalListener = TlsListener;

/** What the internet-facing listener answers: the portal API and the health check, nothing else. */
function isPortalPath(pathname: string): boolean {
  return pathname === '/api/health' || isPortalApiPath(pathname);
}

/**
 * The HTTPS listener the provincial portal talks to, on the center's static IP. It
 * serves only /api/portal/* and /api/health (kiosks, counters and boards stay on the
 * LAN's plain HTTP listener), and picks up a renewed certificate without a restart.
 */
export async function startPortalListener(options: PortalListenerOptions): Promise<PortalListener> {
  return startTlsListener({
    ...options,
    label: 'TLS',
    // The same single listener as the LAN's (canonical path, one owner), without socket.io.
    attach: (server) =>
      attachHubListener(server, {
        handle: options.handler,
        refuse: ({ pathname }) =>
          isPortalPath(pathname) ? null : new DomainError(ErrorCode.NOT_FOUND, `nothing at ${pathname} on the portal listener (only /api/portal/* and /api/health)`),
        log: options.log,
      }),
  });
}
