import type { Server as HttpServer } from 'node:http';
import type { HttpTimeouts } from '../http/server-timeouts.js';
import { startTlsListener, type TlsListener } from './tls-listener.js';

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

export type LanHttpsListener = TlsListener;

/**
 * The LAN's HTTPS listener: kiosks, consoles and boards reach the hub's pages, API
 * and sockets over TLS with the center's own certificate (the shells pin it), so
 * nobody on the LAN can read device tokens or rewrite a screen. A renewed
 * certificate is picked up without a restart.
 */
export async function startLanHttpsListener(options: LanHttpsOptions): Promise<LanHttpsListener> {
  const listener = await startTlsListener({
    ...options,
    label: 'LAN TLS',
    attach: (server) => {
      server.on('request', (req, res) => options.plain.emit('request', req, res));
      server.on('upgrade', (req, socket, head) => options.plain.emit('upgrade', req, socket, head));
    },
  });
  options.log(`LAN pages and sockets also on https://${options.host}:${listener.port} (certificate SHA-256 ${listener.certificate().fingerprint256})`);
  return listener;
}
