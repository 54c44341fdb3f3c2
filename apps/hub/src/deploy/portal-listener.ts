import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@layso/shared';
import { ApiError } from '../http/api-error.js';
import { attachHubListener, type TargetHandler } from '../http/hub-listener.js';
import { applyServerTimeouts, serverTimeoutOptions, type HttpTimeouts } from '../http/server-timeouts.js';
import { isPortalApiPath } from './plain-http-guard.js';
import { certificateInfo, readTlsPair, watchTlsFiles, type CertificateInfo } from './tls-files.js';

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

export interface PortalListener {
  port: number;
  url: string;
  /** The certificate presented now. */
  certificate(): CertificateInfo;
  /** Reads the files again; keeps the current certificate when they are unusable. Returns whether it changed. */
  reload(): boolean;
  close(): Promise<void>;
}

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
  const { log } = options;
  let pair = readTlsPair(options.certFile, options.keyFile);
  let info = certificateInfo(pair.cert);
  const server: Server = createServer({ ...pair, minVersion: 'TLSv1.2', ...serverTimeoutOptions(options.timeouts) });
  applyServerTimeouts(server, options.timeouts);
  // The same single listener as the LAN's (canonical path, one owner), without socket.io.
  attachHubListener(server, {
    handle: options.handler,
    refuse: ({ pathname }) =>
      isPortalPath(pathname) ? null : new ApiError(ErrorCode.NOT_FOUND, `nothing at ${pathname} on the portal listener (only /api/portal/* and /api/health)`),
    log,
  });

  const reload = (): boolean => {
    let next;
    try {
      next = readTlsPair(options.certFile, options.keyFile);
    } catch (error) {
      // A renewal tool may have written the certificate but not yet the key: the next change event retries.
      log(`TLS files ${options.certFile} / ${options.keyFile} are not usable (yet); keeping the current certificate`, error);
      return false;
    }
    if (next.cert.equals(pair.cert) && next.key.equals(pair.key)) return false;
    server.setSecureContext({ ...next, minVersion: 'TLSv1.2' });
    pair = next;
    info = certificateInfo(next.cert);
    log(`TLS certificate reloaded: ${info.subject}, valid until ${info.validTo}, SHA-256 ${info.fingerprint256}`);
    return true;
  };
  const watcher = watchTlsFiles([options.certFile, options.keyFile], reload);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    watcher.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    certificate: () => info,
    reload,
    async close() {
      watcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
