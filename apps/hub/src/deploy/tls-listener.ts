import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { applyServerTimeouts, serverTimeoutOptions, type HttpTimeouts } from '../http/server-timeouts.js';
import { certificateInfo, readTlsPair, watchTlsFiles, type CertificateInfo } from './tls-files.js';

export interface TlsListenerOptions {
  port: number;
  host: string;
  certFile: string;
  keyFile: string;
  timeouts: HttpTimeouts;
  /** Which listener the log lines are about ("LAN TLS", "TLS"). */
  label: string;
  /** Wires the requests (and upgrades) of the new server before it listens. */
  attach(server: Server): void;
  log(message: string, error?: unknown): void;
}

export interface TlsListener {
  port: number;
  url: string;
  /** The certificate presented now. */
  certificate(): CertificateInfo;
  /** Reads the files again; keeps the current certificate when they are unusable. Returns whether it changed. */
  reload(): boolean;
  close(): Promise<void>;
}

/**
 * One HTTPS listener's lifecycle, shared by the LAN and portal listeners: serve the
 * certificate pair, swap in a renewed pair when its files change (without a restart),
 * listen, and close (watcher, open connections, server).
 */
export async function startTlsListener(options: TlsListenerOptions): Promise<TlsListener> {
  const { log, label } = options;
  let pair = readTlsPair(options.certFile, options.keyFile);
  let info = certificateInfo(pair.cert);
  const server: Server = createServer({ ...pair, minVersion: 'TLSv1.2', ...serverTimeoutOptions(options.timeouts) });
  applyServerTimeouts(server, options.timeouts);
  options.attach(server);

  const reload = (): boolean => {
    let next;
    try {
      next = readTlsPair(options.certFile, options.keyFile);
    } catch (error) {
      // A renewal tool may have written the certificate but not yet the key: the next change event retries.
      log(`${label} files ${options.certFile} / ${options.keyFile} are not usable (yet); keeping the current certificate`, error);
      return false;
    }
    if (next.cert.equals(pair.cert) && next.key.equals(pair.key)) return false;
    server.setSecureContext({ ...next, minVersion: 'TLSv1.2' });
    pair = next;
    info = certificateInfo(next.cert);
    log(`${label} certificate reloaded: ${info.subject}, valid until ${info.validTo}, SHA-256 ${info.fingerprint256}`);
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
