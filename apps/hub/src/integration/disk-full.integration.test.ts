import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { errorBodySchema } from '@layso/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { readTickets, snapshotQueueTables } from '../testing/db-snapshot.js';
import { http } from '../testing/http-client.js';
import { newRequestId } from '../testing/start-test-hub.js';
import { TestSocket } from '../testing/socket-client.js';
import { killAllSpawnedHubs, provisionTokens, runCli, spawnHub } from '../testing/spawn-hub.js';
import { fillDisk, mountSmallDisk, type SmallDisk } from '../testing/small-disk.js';

/*
 * A real hub (the CLI in a child process) whose data folder is on an 8 MB tmpfs that
 * the test fills to the last byte. Writes must answer 503 STORAGE_FULL with nothing
 * half-written, reads and sockets must keep working (the last-seen bookkeeping writes
 * of a token's first use are skipped), /api/health must say 503 `storage: 'full'`,
 * and everything must come back by itself once the filler is deleted.
 */

let disk: SmallDisk = { ok: false, reason: 'not mounted yet' };
beforeAll(() => {
  disk = mountSmallDisk();
});
afterAll(async () => {
  await killAllSpawnedHubs();
  if (disk.ok) disk.unmount();
});

const fillers: string[] = [];
afterEach(() => {
  for (const file of fillers.splice(0)) rmSync(file, { force: true });
});

function fill(file: string): number {
  fillers.push(file);
  return fillDisk(file);
}

describe('a full disk', { timeout: 120_000 }, () => {
  it('writes answer 503 STORAGE_FULL with nothing written; reads, sockets and health keep answering; recovery is automatic', async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    const mountPoint = disk.path;
    const dataDir = join(mountPoint, 'data');
    // Tokens made before the start; the reading ones are first used while the disk is full.
    const [kiosk] = provisionTokens(dataDir, 'kiosk', 1);
    const [display, displayForSocket] = provisionTokens(dataDir, 'display', 2);
    const [admin] = provisionTokens(dataDir, 'admin', 1);
    const hub = await spawnHub({ dataDir });
    onTestFailed(() => console.error(`hub output:\n${hub.output()}`));
    // The first admin is saved after the listening line (its password is hashed first).
    await expect.poll(() => hub.output(), { timeout: 30_000 }).toMatch(/First admin created/);

    const first = await http(hub.url, 'POST', '/api/tickets', { token: kiosk, json: { serviceId: 'cong-an-xnc', requestId: newRequestId('full') } });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ number: '86001' });
    const day = (first.body as { day: string }).day;

    const filler = join(mountPoint, 'filler');
    expect(fill(filler)).toBeGreaterThan(0);
    const before = snapshotQueueTables(dataDir);

    // A write: refused with a clear, retryable code, nothing saved.
    const requestId = newRequestId('full');
    const refused = await http(hub.url, 'POST', '/api/tickets', { token: kiosk, json: { serviceId: 'cong-an-xnc', requestId } });
    expect(refused.status, refused.text).toBe(503);
    expect(errorBodySchema.parse(refused.body).error.code).toBe('STORAGE_FULL');
    expect(refused.headers['retry-after']).toBe('30');
    const counterNext = await http(hub.url, 'POST', '/api/counters/86/next', { token: admin });
    expect(counterNext.status, counterNext.text).toBe(503);
    expect(errorBodySchema.parse(counterNext.body).error.code).toBe('STORAGE_FULL');
    expect(snapshotQueueTables(dataDir)).toEqual(before);

    // Reads with a token (whose last-seen write cannot be saved) and without one.
    const device = await http(hub.url, 'GET', '/api/device', { token: display });
    expect(device.status, device.text).toBe(200);
    expect(device.body).toMatchObject({ role: 'display' });
    const adminRead = await http(hub.url, 'GET', '/api/admin/audit', { token: admin });
    expect(adminRead.status, adminRead.text).toBe(200);
    expect((await http(hub.url, 'GET', '/api/catalog')).status).toBe(200);
    expect((await http(hub.url, 'GET', `/api/tickets/${day}/86001`)).status).toBe(200);

    // A screen connects (its handshake's last-seen write is skipped) and gets its snapshot.
    const socket = await TestSocket.connect(hub.url, displayForSocket);
    expect(socket.initialState.catalog.day).toBe(day);
    socket.close();

    // Health says what is wrong, while it lasts.
    const sick = await http(hub.url, 'GET', '/api/health');
    expect(sick.status, sick.text).toBe(503);
    expect(sick.body).toMatchObject({ ok: false, storage: 'full', storageProblem: { error: 'database or disk is full' } });
    expect((await http(hub.url, 'GET', '/api/health')).status).toBe(503);

    // Space is back: the same request gets the next number (none was used up), health is fine again.
    unlinkSync(filler);
    const retried = await http(hub.url, 'POST', '/api/tickets', { token: kiosk, json: { serviceId: 'cong-an-xnc', requestId } });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.body).toMatchObject({ number: '86002' });
    const healthy = await http(hub.url, 'GET', '/api/health');
    expect(healthy.status, healthy.text).toBe(200);
    expect(healthy.body).toMatchObject({ ok: true, storage: 'ok' });
    expect(readTickets(dataDir).map((t) => t.number)).toEqual(['86001', '86002']);

    // The hub never went down.
    expect(hub.child.exitCode).toBeNull();
    expect(await hub.stop()).toEqual({ code: 0, signal: null });
  });

  it('the health probe alone notices that space is back (no write needed)', async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    const mountPoint = disk.path;
    const dataDir = join(mountPoint, 'probe');
    const [kiosk] = provisionTokens(dataDir, 'kiosk', 1);
    const hub = await spawnHub({ dataDir });
    onTestFailed(() => console.error(`hub output:\n${hub.output()}`));
    const filler = join(mountPoint, 'filler-probe');
    fill(filler);
    const refused = await http(hub.url, 'POST', '/api/tickets', { token: kiosk, json: { serviceId: 'cong-an-xnc', requestId: newRequestId('probe') } });
    expect(refused.status, refused.text).toBe(503);
    expect((await http(hub.url, 'GET', '/api/health')).status).toBe(503);
    unlinkSync(filler);
    // The probe runs at most once a second.
    await expect.poll(async () => (await http(hub.url, 'GET', '/api/health')).status, { timeout: 10_000, interval: 300 }).toBe(200);
    expect(await hub.stop()).toEqual({ code: 0, signal: null });
  });

  it('a hub started on a full disk exits 1 (restarted by the service until space is back) and says why', async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    const dataDir = join(disk.path, 'start');
    provisionTokens(dataDir, 'kiosk', 1);
    fill(join(disk.path, 'filler-start'));
    const result = await runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/layso hub cannot start: .* — the disk where the data lives is full or failing: free some space/);
  });
});
