import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { killAllSpawnedHubs, provisionTokens, spawnHub, type SpawnedHub } from '../testing/spawn-hub.js';
import { FakeSmsGateway } from './testing/fake-sms-gateway.js';
import { eventually } from './testing/notify-test-hub.js';

async function post(hub: SpawnedHub, token: string | null, path: string, body: unknown): Promise<{ status: number; json: { number?: string } }> {
  const response = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { number?: string } };
}

/** `layso serve` SIGKILLed while a message is on the wire: after the restart every message is delivered once. */
describe('notification outbox across a SIGKILL', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'layso-notify-kill-'));
  const gateway = new FakeSmsGateway();

  afterAll(async () => {
    await killAllSpawnedHubs();
    await gateway.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resends the message in flight with the same id and sends the rest; each id delivered once', async () => {
    const url = await gateway.start();
    const configFile = join(dataDir, 'center.json');
    writeFileSync(configFile, JSON.stringify({ ...DEMO_CENTER, notify: { sms: { url, headers: { Authorization: `Bearer ${gateway.apiKey}` } } } }));
    gateway.mode = 'hang';
    const first = await spawnHub({ dataDir, config: configFile });
    const [kiosk] = provisionTokens(dataDir, 'kiosk', 1);
    const { day } = (await (await fetch(`${first.url}/api/health`)).json()) as { day: string };
    for (let i = 0; i < 3; i++) {
      const issued = await post(first, kiosk!, '/api/tickets', { serviceId: 'cong-an-xnc', requestId: randomUUID() });
      expect((await post(first, null, `/api/tickets/${day}/${issued.json.number}/subscribe`, { phone: `091234567${i}` })).status).toBe(201);
    }
    await gateway.waitHeld(1);
    await first.kill();
    gateway.release();
    expect(gateway.delivered.size).toBe(1);
    gateway.mode = 'up';

    const second = await spawnHub({ dataDir });
    await eventually(() => gateway.delivered.size === 3, 'every reminder after the restart', 30_000);
    const [admin] = provisionTokens(dataDir, 'admin', 1);
    const statuses = async () =>
      ((await (await fetch(`${second.url}/api/notifications`, { headers: { Authorization: `Bearer ${admin}` } })).json()) as { notifications: { status: string }[] }).notifications.map((n) => n.status);
    await expect.poll(statuses, { timeout: 10_000 }).toEqual(['sent', 'sent', 'sent']);
    expect(new Set(gateway.received.map((r) => r.body.id)).size).toBe(3);
    expect(gateway.received.length).toBe(4);
    expect(second.output()).not.toMatch(/091234567\d/);
    await second.stop();
  });
});
