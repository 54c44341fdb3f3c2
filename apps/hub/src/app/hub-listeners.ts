import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announcementFor, shouldAnnounce, startMdnsAnnouncer, type MdnsAnnouncer } from '../deploy/mdns-announcer.js';
import { startLanHttpsListener, type LanHttpsListener } from '../deploy/lan-https-listener.js';
import { startPortalListener, type PortalListener } from '../deploy/portal-listener.js';
import type { TargetHandler } from '../http/hub-listener.js';
import type { HttpTimeouts } from '../http/server-timeouts.js';
import { HUB_VERSION } from './hub-version.js';

type TlsSettings = { port: number; host: string; tlsCert: string; tlsKey: string };

export interface HubListenerOptions {
  port?: number;
  host?: string;
  portal?: TlsSettings;
  lanHttps?: TlsSettings;
  mdns?: 'auto' | 'on' | 'off';
}

/** What listens once the hub has started. */
export interface HubListeners {
  port: number;
  portal: PortalListener | null;
  lanHttps: LanHttpsListener | null;
  mdns: MdnsAnnouncer | null;
}

/**
 * The LAN's plain listener, then the portal's and the LAN's HTTPS listeners when
 * configured, then the DNS-SD announcement. A failure closes the TLS listener this
 * opened and throws; the caller closes the plain server with the rest of the hub.
 */
export async function startHubListeners(deps: {
  httpServer: HttpServer;
  handler: TargetHandler;
  options: HubListenerOptions;
  timeouts: HttpTimeouts;
  centerName: string;
  log(message: string, error?: unknown): void;
}): Promise<HubListeners> {
  const { httpServer, options, timeouts, log } = deps;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  let portal: PortalListener | null = null;
  if (options.portal) {
    const { tlsCert, tlsKey, ...listen } = options.portal;
    portal = await startPortalListener({ ...listen, certFile: tlsCert, keyFile: tlsKey, handler: deps.handler, timeouts, log });
  }
  let lanHttps: LanHttpsListener | null = null;
  let mdns: MdnsAnnouncer | null = null;
  try {
    if (options.lanHttps) {
      const { tlsCert, tlsKey, ...listen } = options.lanHttps;
      // Same handler, same socket.io: it hands every request and upgrade to httpServer.
      lanHttps = await startLanHttpsListener({ ...listen, certFile: tlsCert, keyFile: tlsKey, plain: httpServer, timeouts, log });
    }
    if (shouldAnnounce(options.mdns ?? 'off', options.host ?? '0.0.0.0')) {
      mdns = await startMdnsAnnouncer(announcementFor({ centerName: deps.centerName, port, version: HUB_VERSION }), log);
    }
  } catch (error) {
    await lanHttps?.close();
    await portal?.close();
    throw error;
  }
  return { port, portal, lanHttps, mdns };
}
