import { statfsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../store/migrate.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { TestSocket } from '../testing/socket-client.js';

describe('GET /api/health for whoever looks after the box', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('reports uptime, the database, free disk where the data lives, and no TLS listener', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.status).toBe(200);
    const { bsize, blocks } = statfsSync(t.dataDir);
    expect(response.body).toMatchObject({
      ok: true,
      uptimeSec: expect.any(Number),
      database: { ok: true, schemaVersion: loadMigrations().length, quickCheck: 'ok', quickCheckAt: expect.stringMatching(/Z$/) },
      disk: { path: t.dataDir, freeBytes: expect.any(Number), totalBytes: bsize * blocks },
      portalTls: null,
    });
  });

  it('counts the devices connected now, per role', async () => {
    const counts = async () => ((await t.request('GET', '/api/health')).body as { devicesOnline: Record<string, number> }).devicesOnline;
    expect(await counts()).toEqual({ kiosk: 0, counter: 0, display: 0, portal: 0, admin: 0, public: 0 });
    const sockets = await Promise.all([TestSocket.connect(t.url, t.tokens.kiosk), TestSocket.connect(t.url, t.tokens.display), TestSocket.connect(t.url, t.tokens.display), TestSocket.connect(t.url)]);
    expect(await counts()).toEqual({ kiosk: 1, counter: 0, display: 2, portal: 0, admin: 0, public: 1 });
    sockets.forEach((socket) => socket.close());
    // The hub sees a close a moment later.
    while ((await counts()).display !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await counts()).toEqual({ kiosk: 0, counter: 0, display: 0, portal: 0, admin: 0, public: 0 });
  });
});
