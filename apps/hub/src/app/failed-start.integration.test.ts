import { readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeTempDir } from '../testing/temp-store.js';
import { startHub } from './create-hub.js';

/** Files under `dir` this process holds open (Linux: /proc/self/fd). */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return []; // closed while listing
    }
  });
}

describe('a hub that cannot start', () => {
  it('rejects with the listen error when its port is taken, and leaves its data folder to the next start', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    const port = (squatter.address() as AddressInfo).port;
    const dataDir = makeTempDir();
    const log: string[] = [];

    await expect(startHub({ dataDir, port, host: '127.0.0.1', log: (message) => log.push(message) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // Nothing of it is left open: no file of the data folder is held by this process.
    expect(openFilesUnder(dataDir)).toEqual([]);

    // The failed start closed its database: a new hub opens the same folder and works.
    const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', log: (message) => log.push(message) });
    try {
      const health = await fetch(`${hub.url}/api/health`);
      expect(health.status).toBe(200);
      expect(openFilesUnder(dataDir).length).toBeGreaterThan(0);
    } finally {
      await hub.close();
    }
    expect(openFilesUnder(dataDir)).toEqual([]);
  });
});
