import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for.js';
import { PIN_LOCK_FILE_NAME, shellPinLock } from './shell-pin-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'layso-shell-pin-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shells’ PIN lock', () => {
  it('keeps wrong tries in userData across a restart and reports each one to the hub', async () => {
    const reports: { authorization: string | undefined; body: unknown }[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/api/devices/me/pin-failures') reports.push({ authorization: request.headers.authorization, body: JSON.parse(body) });
        response.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const hub = () => ({ hubUrl, token: 'device-token' });
      const first = shellPinLock({ userDataDir: dir, hub });
      for (let i = 0; i < 4; i++) first.recordFailure();
      expect(existsSync(join(dir, PIN_LOCK_FILE_NAME))).toBe(true);
      // After a restart the fifth wrong PIN locks the screen: the count was kept.
      const second = shellPinLock({ userDataDir: dir, hub });
      expect(second.recordFailure()).toMatchObject({ failures: 5, lockedForMs: 60_000 });
      expect(second.lockedForMs()).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(join(dir, PIN_LOCK_FILE_NAME), 'utf8'))).toMatchObject({ rounds: 1 });

      await waitFor('five reports at the hub', () => reports.length === 5);
      expect(reports.every((r) => r.authorization === 'Bearer device-token')).toBe(true);
      expect(reports.map((r) => r.body)).toContainEqual({ failures: 5, lockedForMs: 60_000 });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports nothing without a configured hub, and still locks', () => {
    const other = mkdtempSync(join(dir, 'unpaired-'));
    let called = false;
    const lock = shellPinLock({ userDataDir: other, hub: () => null, fetch: async () => ((called = true), new Response(null)) });
    for (let i = 0; i < 5; i++) lock.recordFailure();
    expect(lock.lockedForMs()).toBeGreaterThan(0);
    expect(called).toBe(false);
  });
});
