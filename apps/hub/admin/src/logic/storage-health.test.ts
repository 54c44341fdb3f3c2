import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchStorageProblem, storageProblemIn } from './storage-health.js';

describe('the storage state in a health answer', () => {
  it('reads full and io-error; ok, an older hub without the field, and junk mean no banner', () => {
    expect(storageProblemIn({ ok: false, storage: 'full' })).toBe('full');
    expect(storageProblemIn({ ok: false, storage: 'io-error' })).toBe('io-error');
    expect(storageProblemIn({ ok: true, storage: 'ok' })).toBeNull();
    expect(storageProblemIn({ ok: true })).toBeNull();
    expect(storageProblemIn(null)).toBeNull();
    expect(storageProblemIn('full')).toBeNull();
  });
});

describe('asking the hub', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
    server = null;
  });

  /** A loopback server answering /api/health as the hub does (503 with the reason). */
  async function healthServer(status: number, body: string): Promise<string> {
    server = createServer((req, res) => {
      res.writeHead(req.url === '/api/health' ? status : 404, { 'Content-Type': 'application/json' });
      res.end(req.url === '/api/health' ? body : '{}');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('reads the reason from a 503 body, and says nothing when the hub cannot be reached or answers no JSON', async () => {
    const base = await healthServer(503, JSON.stringify({ ok: false, storage: 'full' }));
    const relative: typeof fetch = (input, init) => fetch(new URL(String(input), base), init);
    expect(await fetchStorageProblem(relative)).toBe('full');
    expect(await fetchStorageProblem((input, init) => fetch(new URL(String(input), 'http://127.0.0.1:9'), init))).toBeNull();
    await new Promise((resolve) => server!.close(resolve));
    const html = await healthServer(200, '<html>');
    expect(await fetchStorageProblem((input, init) => fetch(new URL(String(input), html), init))).toBeNull();
  });
});
