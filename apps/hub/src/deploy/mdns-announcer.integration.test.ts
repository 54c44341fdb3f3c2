import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcementFor, startMdnsAnnouncer, type MdnsAnnouncer, type MdnsOptions } from './mdns-announcer.js';

/**
 * Real multicast DNS on the loopback interface: each test has its own UDP port (not
 * 5353), so nothing reaches the LAN or another test run. bonjour-service's own browser
 * is the device's side.
 */
function loopbackOptions(): MdnsOptions {
  return { interface: '127.0.0.1', bind: '0.0.0.0', port: 40_000 + Math.floor(Math.random() * 20_000), loopback: true };
}

interface Browser {
  find(options: { type: string }, onUp: (service: { name: string; port: number }) => void): { stop(): void };
  destroy(callback?: () => void): void;
}

async function browse(options: MdnsOptions, count: number): Promise<{ name: string; port: number }[]> {
  const { Bonjour } = (await import('bonjour-service')) as unknown as { Bonjour: new (options: MdnsOptions) => Browser };
  const bonjour = new Bonjour(options);
  const found: { name: string; port: number }[] = [];
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      bonjour.find({ type: 'layso' }, (service) => {
        if (!found.some((f) => f.name === service.name)) found.push({ name: service.name, port: service.port });
        if (found.length >= count) {
          clearTimeout(timer);
          // A moment more: a third answer that should not exist would show up now.
          setTimeout(resolve, 500);
        }
      });
    });
  } finally {
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  }
  return found.sort((a, b) => a.port - b.port);
}

const running: MdnsAnnouncer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
  vi.restoreAllMocks();
});

async function announce(name: { centerName: string; host: string; machineTag: string | null }, port: number, options: MdnsOptions, logs: string[]) {
  const announcer = await startMdnsAnnouncer(announcementFor({ ...name, port, version: '1' }), (message, error) => logs.push(`${message}${error ? ` ${String(error)}` : ''}`), options);
  expect(announcer).not.toBeNull();
  running.push(announcer!);
  return announcer!;
}

describe('two hubs on one LAN segment (real mDNS over loopback multicast)', { timeout: 30_000 }, () => {
  it('hubs made from one image (same center, same host name) get distinct names from their machine tag; both are found', async () => {
    const options = loopbackOptions();
    const logs: string[] = [];
    const first = await announce({ centerName: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', host: 'layso-hub', machineTag: 'a1b2' }, 8080, options, logs);
    expect(await first.announced).toBe('layso Trung tâm Phục vụ hành chính (layso-hub-a1b2)');
    const second = await announce({ centerName: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', host: 'layso-hub', machineTag: 'c3d4' }, 8081, options, logs);
    expect(await second.announced).toBe('layso Trung tâm Phục vụ hành chính (layso-hub-c3d4)');
    expect(logs).toEqual([]);
    expect(await browse(options, 2)).toEqual([
      { name: 'layso Trung tâm Phục vụ hành chính (layso-hub-a1b2)', port: 8080 },
      { name: 'layso Trung tâm Phục vụ hành chính (layso-hub-c3d4)', port: 8081 },
    ]);
  });

  it('a name already in use: the second hub logs one line, renames itself "#2", and both are found; no stack trace', async () => {
    const consoleLog = vi.spyOn(console, 'log');
    const consoleError = vi.spyOn(console, 'error');
    const options = loopbackOptions();
    const logs: string[] = [];
    const same = { centerName: 'Cẩm Phả', host: 'hub', machineTag: null };
    const first = await announce(same, 8080, options, logs);
    expect(await first.announced).toBe('layso Cẩm Phả (hub)');
    const second = await announce(same, 8081, options, logs);
    expect(await second.announced).toBe('layso Cẩm Phả (hub) #2');
    expect(logs).toEqual(['mDNS: the name "layso Cẩm Phả (hub)" is already used on the network (another hub?); announcing as "layso Cẩm Phả (hub) #2"']);
    expect(await browse(options, 2)).toEqual([
      { name: 'layso Cẩm Phả (hub)', port: 8080 },
      { name: 'layso Cẩm Phả (hub) #2', port: 8081 },
    ]);
    expect(consoleLog).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });
});
