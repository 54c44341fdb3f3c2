import { hostname } from 'node:os';
import { PROTOCOL_VERSION } from '@layso/shared';

/**
 * DNS-SD announcement of the hub as `_layso._tcp.local`, so a device's settings page
 * can offer the hubs it sees instead of asking for an IP address (typing the address
 * stays the fallback). The multicast work is done by the `bonjour-service` package,
 * loaded only here and only if installed: without it the hub starts as before and
 * logs that it is not announcing itself.
 */

/** The package that does the multicast; a variable so the hub type-checks and bundles without it. */
const MDNS_PACKAGE = 'bonjour-service';

export interface Announcement {
  name: string;
  type: 'layso';
  protocol: 'tcp';
  port: number;
  txt: Record<string, string>;
}

/** A DNS label is at most 63 bytes; cut on a character boundary so Vietnamese names stay valid UTF-8. */
function truncateLabel(text: string, maxBytes = 63): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

/** The service record: instance name, port, and TXT with the versions a device checks before pairing. */
export function announcementFor(input: { centerName: string; port: number; version: string; host?: string }): Announcement {
  return {
    name: truncateLabel(`layso ${input.centerName} (${input.host ?? hostname()})`),
    type: 'layso',
    protocol: 'tcp',
    port: input.port,
    txt: { version: input.version, protocol: String(PROTOCOL_VERSION), path: '/' },
  };
}

/** auto: announce unless the LAN listener is bound to loopback (tests, a hub behind a local proxy). */
export function shouldAnnounce(setting: 'auto' | 'on' | 'off', host: string): boolean {
  if (setting !== 'auto') return setting === 'on';
  return !(host === 'localhost' || host === '::1' || host.startsWith('127.'));
}

interface BonjourLike {
  publish(options: Announcement): unknown;
  unpublishAll(callback?: () => void): void;
  destroy(callback?: () => void): void;
}

export interface MdnsAnnouncer {
  stop(): Promise<void>;
}

export async function startMdnsAnnouncer(announcement: Announcement, log: (message: string, error?: unknown) => void): Promise<MdnsAnnouncer | null> {
  let Bonjour: new () => BonjourLike;
  try {
    const module = (await import(MDNS_PACKAGE)) as { Bonjour?: new () => BonjourLike; default?: { Bonjour?: new () => BonjourLike } };
    const found = module.Bonjour ?? module.default?.Bonjour;
    if (!found) throw new Error(`${MDNS_PACKAGE} has no Bonjour export`);
    Bonjour = found;
  } catch (error) {
    log(`not announcing the hub over mDNS (${MDNS_PACKAGE} is not available); devices need the hub's address typed in`, (error as Error).message);
    return null;
  }
  try {
    const bonjour = new Bonjour();
    bonjour.publish(announcement);
    return {
      stop: () =>
        new Promise<void>((resolve) => {
          bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
        }),
    };
  } catch (error) {
    // No multicast-capable interface is not a reason to leave the center without tickets.
    log('mDNS announcement failed; devices need the hub address typed in', error);
    return null;
  }
}
