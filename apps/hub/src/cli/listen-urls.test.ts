import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenUrls } from './listen-urls.js';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;
const INTERFACES = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  eth0: [iface('192.168.10.5', 'IPv4', false), iface('fe80::1', 'IPv6', false)],
  wlan0: [iface('10.0.0.7', 'IPv4', false)],
};

describe('listenUrls: the banner lists only addresses the hub listens on', () => {
  it('a wildcard host: localhost and every LAN IPv4 address', () => {
    expect(listenUrls('0.0.0.0', 80, INTERFACES)).toEqual(['http://localhost:80', 'http://192.168.10.5:80', 'http://10.0.0.7:80']);
    expect(listenUrls('::', 8080, INTERFACES)).toEqual(['http://localhost:8080', 'http://192.168.10.5:8080', 'http://10.0.0.7:8080']);
  });

  it('a loopback host: localhost only', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(listenUrls(host, 8080, INTERFACES), host).toEqual(['http://localhost:8080']);
  });

  it('one LAN address: exactly that address', () => {
    expect(listenUrls('192.168.10.5', 80, INTERFACES)).toEqual(['http://192.168.10.5:80']);
    expect(listenUrls('fd00::5', 80, INTERFACES)).toEqual(['http://[fd00::5]:80']);
  });
});
