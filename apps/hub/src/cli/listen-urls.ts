import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * The addresses the start banner lists: only those the hub listens on. A wildcard host
 * (0.0.0.0, ::) is reachable as localhost and on every LAN IPv4 address; a loopback host
 * only as localhost (its own name for 127.0.0.1, so no LAN address a device could not
 * reach); any other host is exactly that address.
 */
export function listenUrls(host: string, port: number, interfaces: Interfaces = networkInterfaces()): string[] {
  const url = (address: string) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (LOOPBACK.test(host)) return [url('localhost')];
  if (!WILDCARDS.has(host)) return [url(host)];
  const lan = Object.values(interfaces)
    .flat()
    .filter((a): a is NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  return [url('localhost'), ...lan.map(url)];
}
