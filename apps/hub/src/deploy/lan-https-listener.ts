import type { Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { applyServerTimeouts, serverTimeoutOptions, type HttpTimeouts } from '../http/server-timeouts.js';
import { certificateInfo, readTlsPair, watchTlsFiles, type CertificateInfo } from './tls-files.js';

export interface LanHttpsOptions {
  port: number;
  host: string;
  /** The hub certificate (signed by the center's own CA, apps/hub/deploy/linux/make-lan-cert.sh), its chain and key. */
  certFile: string;
  keyFile: string;
  /**
   * The plain LAN listener. Every request and WebSocket upgrade arriving over TLS is
   * handed to it as its own, so both listeners answer with the very same request
   * handler and socket.io server (whatever decides which of them owns a path).
   */
  plain: HttpServer;
  /** The same per-connection limits as the plain listener (slow clients are cut). */
  timeouts: HttpTimeouts;
  log(message: string, error?: unknown): void;
}

export interface LanHttpsListener {
  port: number;
  url: string;
  certificate(): CertificateInfo;
  reload(): boolean;
  close(): Promise<void>;
}

/**
 * The LAN's HTTPS listener: kiosks, consoles and boards reach the hub's pages, API
 * and sockets over TLS with the center's own certificate (the shells pin it), so
 * nobody on the LAN can read device tokens or rewrite a screen. A renewed
 * certificate is picked up without a restart.
 */
export async function startLanHttpsListener(options: LanHttpsOptions): Promise<LanHttpsListener> {
  const { log } = options;
  let pair = readTlsPair(options.certFile, options.keyFile);
  let info = certificateInfo(pair.cert);
  const server: Server = createServer({ ...pair, minVersion: 'TLSv1.2', ...serverTimeoutOptions(options.timeouts) });
  applyServerTimeouts(server, options.timeouts);
  server.on('request', (req, res) => options.plain.emit('request', req, res));
  server.on('upgrade', (req, socket, head) => options.plain.emit('upgrade', req, socket, head));

  const reload = (): boolean => {
    let next;
    try {
      next = readTlsPair(options.certFile, options.keyFile);
    } catch (error) {
      log(`LAN TLS files ${options.certFile} / ${options.keyFile} are not usable (yet); keeping the current certificate`, error);
      return false;
    }
    if (next.cert.equals(pair.cert) && next.key.equals(pair.key)) return false;
    server.setSecureContext({ ...next, minVersion: 'TLSv1.2' });
    pair = next;
    info = certificateInfo(next.cert);
    log(`LAN TLS certificate reloaded: ${info.subject}, valid until ${info.validTo}, SHA-256 ${info.fingerprint256}`);
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
  log(`LAN pages and sockets also on https://${options.host}:${port} (certificate SHA-256 ${info.fingerprint256})`);
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
