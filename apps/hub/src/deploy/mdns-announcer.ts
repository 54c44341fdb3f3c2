import { createHash } from 'node:crypto';
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
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

/**
 * A short, stable id of this machine: 4 hex digits of a hash of its first hardware
 * address. Two hubs made from one disk image share a host name, not a network card, so
 * their instance names still differ; and the id survives restarts, so devices that
 * remember a hub by name find it again.
 */
export function machineTag(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string | null {
  const mac = Object.values(interfaces)
    .flat()
    .find((a) => a && !a.internal && a.mac && a.mac !== '00:00:00:00:00:00')?.mac;
  return mac ? createHash('sha256').update(mac).digest('hex').slice(0, 4) : null;
}

/** The instance name: the center's name cut to fit, never the host and machine suffix that tells hubs apart. */
function instanceName(centerName: string, host: string, tag: string | null): string {
  const suffix = ` (${truncateLabel(host, 24)}${tag ? `-${tag}` : ''})`;
  const full = `layso ${centerName}`;
  let cut = truncateLabel(full, 63 - Buffer.byteLength(suffix));
  // Cut between words, not inside one ("… hành chính", not "… hành chính côn").
  if (cut !== full && cut.includes(' ')) cut = cut.slice(0, cut.lastIndexOf(' '));
  return cut.trimEnd() + suffix;
}

/** The service record: instance name, port, and TXT with the versions a device checks before pairing. */
export function announcementFor(input: { centerName: string; port: number; version: string; host?: string; machineTag?: string | null }): Announcement {
  return {
    name: instanceName(input.centerName, input.host ?? hostname(), input.machineTag === undefined ? machineTag() : input.machineTag),
    type: 'layso',
    protocol: 'tcp',
    port: input.port,
    txt: { version: input.version, protocol: String(PROTOCOL_VERSION), path: '/' },
  };
}

/** The name to try after `name` was found taken: `name #2`, `name #3`, … still within one DNS label. */
export function renamedAfterConflict(name: string, attempt: number): string {
  const suffix = ` #${attempt}`;
  return truncateLabel(name, 63 - Buffer.byteLength(suffix)) + suffix;
}

/** auto: announce unless the LAN listener is bound to loopback (tests, a hub behind a local proxy). */
export function shouldAnnounce(setting: 'auto' | 'on' | 'off', host: string): boolean {
  if (setting !== 'auto') return setting === 'on';
  return !(host === 'localhost' || host === '::1' || host.startsWith('127.'));
}

/** What the hub uses of multicast-dns (reached through bonjour-service's server). */
interface MulticastDns {
  query(name: string, type: string, callback?: () => void): void;
  on(event: 'response', listener: (packet: { answers: { name: string }[]; additionals: { name: string }[] }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  removeListener(event: 'response', listener: (...args: never[]) => void): void;
}

interface BonjourLike {
  publish(options: Announcement & { probe: boolean }): unknown;
  unpublishAll(callback?: () => void): void;
  destroy(callback?: () => void): void;
  server: { mdns: MulticastDns };
}

/** multicast-dns options: tests use a loopback interface and their own port. */
export interface MdnsOptions {
  interface?: string;
  bind?: string;
  port?: number;
  loopback?: boolean;
}

export interface MdnsAnnouncer {
  /** The instance name once announced (after any rename for a conflict); null when it could not be. */
  announced: Promise<string | null>;
  stop(): Promise<void>;
}

const PROBES = 3;
const PROBE_GAP_MS = 250;
const MAX_RENAMES = 9;

/** The service's full name as DNS-SD forms it (dots in the instance name become dashes, as bonjour-service does). */
const fqdnOf = (name: string) => `${name.split('.').join('-')}._layso._tcp.local`;

/**
 * RFC 6762 probing, done here rather than by bonjour-service: on a conflict the library
 * only prints a stack trace and gives up, leaving the hub unannounced. Asks three times
 * whether anyone answers for the name; true when someone does.
 */
function nameTaken(mdns: MulticastDns, name: string): Promise<boolean> {
  const fqdn = fqdnOf(name).toLowerCase();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (taken: boolean) => {
      clearTimeout(timer);
      mdns.removeListener('response', onResponse);
      resolve(taken);
    };
    const onResponse = (packet: { answers: { name: string }[]; additionals: { name: string }[] }) => {
      if ([...packet.answers, ...packet.additionals].some((rr) => rr.name.toLowerCase() === fqdn)) done(true);
    };
    mdns.on('response', onResponse);
    let sent = 0;
    const send = () => {
      mdns.query(fqdnOf(name), 'ANY');
      sent += 1;
      timer = setTimeout(sent < PROBES ? send : () => done(false), PROBE_GAP_MS);
    };
    send();
  });
}

export async function startMdnsAnnouncer(announcement: Announcement, log: (message: string, error?: unknown) => void, options: MdnsOptions = {}): Promise<MdnsAnnouncer | null> {
  let Bonjour: new (options?: MdnsOptions, errorCallback?: (error: Error) => void) => BonjourLike;
  try {
    const module = (await import(MDNS_PACKAGE)) as { Bonjour?: typeof Bonjour; default?: { Bonjour?: typeof Bonjour } };
    const found = module.Bonjour ?? module.default?.Bonjour;
    if (!found) throw new Error(`${MDNS_PACKAGE} has no Bonjour export`);
    Bonjour = found;
  } catch (error) {
    log(`not announcing the hub over mDNS (${MDNS_PACKAGE} is not available); devices need the hub's address typed in`, (error as Error).message);
    return null;
  }
  let bonjour: BonjourLike;
  try {
    // Without a callback the library throws a failed answer from inside a socket event, which would end the hub.
    bonjour = new Bonjour(options, (error) => log('mDNS answer failed', error.message));
  } catch (error) {
    // No multicast-capable interface is not a reason to leave the center without tickets.
    log('mDNS announcement failed; devices need the hub address typed in', error);
    return null;
  }
  const mdns = bonjour.server.mdns;
  mdns.on('error', (error) => log('mDNS socket failed; devices need the hub address typed in', error.message));
  let stopped = false;
  // Probing takes ~0.75 s: the hub serves meanwhile, the announcement follows.
  const announced = (async () => {
    let name = announcement.name;
    for (let attempt = 2; await nameTaken(mdns, name); attempt++) {
      if (stopped) return null;
      if (attempt > MAX_RENAMES + 1) {
        log(`mDNS: the names "${announcement.name}" to "${name}" are all in use on the network; not announcing, devices need the hub address typed in`);
        return null;
      }
      name = renamedAfterConflict(announcement.name, attempt);
    }
    if (stopped) return null;
    if (name !== announcement.name) log(`mDNS: the name "${announcement.name}" is already used on the network (another hub?); announcing as "${name}"`);
    bonjour.publish({ ...announcement, name, probe: false });
    return name;
  })().catch((error: unknown) => {
    log('mDNS announcement failed; devices need the hub address typed in', error);
    return null;
  });
  return {
    announced,
    stop: async () => {
      stopped = true;
      await announced;
      await destroy(bonjour);
    },
  };
}

function destroy(bonjour: BonjourLike): Promise<void> {
  return new Promise<void>((resolve) => {
    bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
  });
}
