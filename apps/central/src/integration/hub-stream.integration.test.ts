import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@layso/hub/testing';
import { startCentral, type Central } from '../app/start-central.js';
import { HubRegistry } from '../ingest/hub-registry.js';
import { migrate } from '../store/migrate.js';
import type { SqlClient } from '../store/sql-client.js';
import { freePort } from '../testing/postgres-server.js';
import { STORAGE_BACKENDS, postgresBackend } from '../testing/storage-backends.js';

const HUB_ID = 'phuong-ben-thanh';
const RETRY = { baseMs: 50, maxMs: 300 };
// Every key any payload may carry: ids, numbers, statuses, scores. No phone, name, contact or clerk.
const ALLOWED_KEYS = new Set(['ticketId', 'number', 'serviceId', 'counter', 'source', 'priority', 'issuedAt', 'status', 'score']);

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function registerHub(db: SqlClient): Promise<string> {
  await migrate(db);
  return (await new HubRegistry(db).register({ id: HUB_ID, name: 'Trung tâm PVHCC phường Bến Thành', province: 'tp-ho-chi-minh' })).secret;
}

/** Drives the hub over its real HTTP API as a kiosk and its counters. */
function driver(hub: TestHub) {
  const kiosk = hub.token('kiosk');
  const counters = hub.core.config.counters.map((c) => ({ number: c.number, serviceId: c.serviceIds[0]!, token: hub.token('counter', c.number) }));
  let n = 0;
  const call = async (token: string, path: string, json: unknown) => {
    const response = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(json) });
    await response.arrayBuffer();
    return response.status;
  };
  return {
    counters,
    issue: (serviceId: string) => call(kiosk, '/api/tickets', { serviceId, requestId: `it-${process.pid}-${++n}` }),
    command: (counter: number, command: string) => call(counters.find((c) => c.number === counter)!.token, `/api/counters/${counter}/${command}`, {}),
  };
}

/** The hub's own per-kind counts of what it queued for central. */
function hubCounts(hub: TestHub): Record<string, number> {
  const rows = hub.db.prepare('SELECT kind, COUNT(*) AS n FROM central_outbox GROUP BY kind').all() as Array<{ kind: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

async function centralCounts(db: SqlClient): Promise<Record<string, number>> {
  const { rows } = await db.query<{ kind: string; n: string }>('SELECT kind, COUNT(*) AS n FROM events WHERE hub_id = $1 GROUP BY kind', [HUB_ID]);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

async function progress(db: SqlClient) {
  const { rows } = await db.query<{ hw: string; counted: string; n: string; d: string }>(
    `SELECT high_water AS hw, event_count AS counted, (SELECT COUNT(*) FROM events WHERE hub_id = $1) AS n,
            (SELECT COUNT(DISTINCT seq) FROM events WHERE hub_id = $1) AS d FROM hub_progress WHERE hub_id = $1`,
    [HUB_ID],
  );
  return { highWater: Number(rows[0]!.hw), counted: Number(rows[0]!.counted), rows: Number(rows[0]!.n), distinct: Number(rows[0]!.d) };
}

const hubSeq = (hub: TestHub) => (hub.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM central_outbox').pluck().get() as number);

describe.each(STORAGE_BACKENDS.map((make) => [make().name, make] as const))('a hub streaming to central on %s', (_name, make) => {
  const backend = make();
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());

  it('keeps working while central is down, catches up when it comes back, and sends no personal data', async () => {
    const db = await backend.fresh();
    const secret = await registerHub(db);
    const port = await freePort();
    const hub = await startTestHub({ central: { url: `http://127.0.0.1:${port}`, hubId: HUB_ID, secret }, centralRetry: RETRY });
    let central: Central | null = null;
    try {
      const drive = driver(hub);
      const [first, second] = drive.counters;
      // Central is not there: the hub issues, calls and finishes all the same.
      for (let i = 0; i < 12; i++) expect(await drive.issue(i % 2 ? second!.serviceId : first!.serviceId)).toBe(201);
      for (const c of [first!, second!]) {
        expect(await drive.command(c.number, 'next')).toBe(200);
        expect(await drive.command(c.number, 'done')).toBe(200);
        expect(await drive.command(c.number, 'next')).toBe(200);
      }
      expect(await drive.command(first!.number, 'skip')).toBe(200);
      expect(await drive.command(second!.number, 'pause')).toBe(200);
      expect(await drive.command(first!.number, 'next')).toBe(200);
      const queued = hubSeq(hub);
      expect(queued).toBeGreaterThanOrEqual(12 + 7 + 2);
      expect(hub.db.prepare("SELECT value FROM meta WHERE key = 'central.acked'").pluck().get() ?? '0').toBe('0');

      central = await startCentral({ db, port, log: () => {}, readToken: 'province-read-token' });
      await until('central to catch up', async () => (await progress(db)).highWater === hubSeq(hub));
      expect(await progress(db)).toEqual({ highWater: queued, counted: queued, rows: queued, distinct: queued });
      expect(await centralCounts(db)).toEqual(hubCounts(hub));
      expect(hubCounts(hub)).toMatchObject({ 'ticket.issued': 12, 'ticket.called': 5, 'ticket.skipped': 1, 'counter.status': 1 });

      // Online now: new events arrive without waiting for a retry.
      expect(await drive.issue(first!.serviceId)).toBe(201);
      await until('the new ticket at central', async () => (await progress(db)).highWater === queued + 1, 10_000);

      // The read API shows the center as the hub itself sees it.
      expect((await fetch(`${central.url}/api/centers`)).status).toBe(401);
      const before = Date.now();
      const live = (await (await fetch(`${central.url}/api/centers`, { headers: { Authorization: 'Bearer province-read-token' } })).json()) as { centers: Array<Record<string, unknown>> };
      const after = Date.now();
      const own = hub.db.prepare("SELECT COUNT(*) AS waiting, MIN(issued_at) AS oldest FROM tickets WHERE status = 'waiting'").get() as { waiting: number; oldest: number };
      const serving = hub.db.prepare("SELECT COUNT(DISTINCT counter) FROM tickets WHERE status = 'called'").pluck().get() as number;
      expect(own.waiting).toBeGreaterThan(0);
      expect(serving).toBeGreaterThan(0);
      expect(live.centers).toHaveLength(1);
      expect(live.centers[0]).toMatchObject({ hubId: HUB_ID, day: hub.core.currentDay, waiting: own.waiting, countersServing: serving, highWater: queued + 1, lagging: false });
      expect(live.centers[0]!.longestWaitMs).toBeGreaterThanOrEqual(before - own.oldest);
      expect(live.centers[0]!.longestWaitMs).toBeLessThanOrEqual(after - own.oldest);

      const { rows } = await db.query<{ payload: Record<string, unknown> }>('SELECT payload FROM events');
      for (const { payload } of rows) {
        for (const key of Object.keys(payload)) expect(ALLOWED_KEYS, `payload key ${key}`).toContain(key);
        // No text long enough in digits to be a phone or ID card number, no e-mail address.
        for (const value of Object.values(payload)) if (typeof value === 'string') expect(value).not.toMatch(/\d{9,}|@/);
      }
    } finally {
      await hub.stop();
      await central?.close();
    }
  });

  it('refills a central that lost what it had acknowledged (restored from an older backup)', async () => {
    const db = await backend.fresh();
    const secret = await registerHub(db);
    const hub = await startTestHub({ central: { url: 'http://127.0.0.1:1', hubId: HUB_ID, secret }, centralRetry: RETRY });
    let central: Central | null = null;
    try {
      const drive = driver(hub);
      for (let i = 0; i < 5; i++) expect(await drive.issue(drive.counters[0]!.serviceId)).toBe(201);
      await hub.close();
      const port = await freePort();
      central = await startCentral({ db, port, log: () => {} });
      // The same data folder, now pointing at the running central.
      const again = await startTestHub({ dataDir: hub.dataDir, central: { url: central.url, hubId: HUB_ID, secret }, centralRetry: RETRY });
      try {
        await until('the first five acknowledged', () => again.db.prepare("SELECT value FROM meta WHERE key = 'central.acked'").pluck().get() === '5');
        expect((await progress(db)).highWater).toBe(5);
        // Central loses everything (a restore from before the hub ever streamed).
        await central.close();
        await db.exec('TRUNCATE events; UPDATE hub_progress SET high_water = 0, event_count = 0;');
        central = await startCentral({ db, port, log: () => {} });
        const more = driver(again);
        expect(await more.issue(more.counters[0]!.serviceId)).toBe(201);
        await until('the refill', async () => (await progress(db)).highWater === 6);
        expect(await progress(db)).toEqual({ highWater: 6, counted: 6, rows: 6, distinct: 6 });
      } finally {
        await again.stop();
      }
    } finally {
      await central?.close();
    }
  });
});

describe('central killed (SIGKILL) mid-ingest on PostgreSQL', () => {
  const backend = postgresBackend();
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());

  it('restarts and ends with every event counted exactly once', async () => {
    const db = await backend.fresh();
    const secret = await registerHub(db);
    const database = (await db.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
    const { rows: settings } = await db.query<{ dir: string; port: string }>(
      "SELECT current_setting('unix_socket_directories') AS dir, current_setting('port') AS port",
    );
    const port = await freePort();
    const cli = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
    const env = { ...process.env, PGHOST: settings[0]!.dir, PGPORT: settings[0]!.port, PGUSER: 'postgres', PGDATABASE: database };
    const startChild = async (): Promise<ChildProcess> => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--postgres', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`central exited ${code}`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('listening')) resolve();
        });
      });
      child.removeAllListeners('exit');
      return child;
    };
    const hub = await startTestHub({ central: { url: `http://127.0.0.1:${port}`, hubId: HUB_ID, secret }, centralRetry: RETRY });
    let child = await startChild();
    try {
      const drive = driver(hub);
      const services = drive.counters.map((c) => c.serviceId);
      let killedAt = -1;
      for (let i = 0; i < 400; i++) {
        expect(await drive.issue(services[i % services.length]!)).toBe(201);
        if (i % 5 === 0) await drive.command(drive.counters[i % drive.counters.length]!.number, 'next');
        if (i === 150) {
          killedAt = (await progress(db)).highWater;
          child.kill('SIGKILL');
          await new Promise((r) => child.once('exit', r));
        }
        if (i === 250) child = await startChild();
      }
      expect(killedAt).toBeGreaterThan(0);
      await until('central to catch up after the restart', async () => (await progress(db)).highWater === hubSeq(hub));
      const total = hubSeq(hub);
      expect(await progress(db)).toEqual({ highWater: total, counted: total, rows: total, distinct: total });
      expect(await centralCounts(db)).toEqual(hubCounts(hub));
      expect(hubCounts(hub)['ticket.issued']).toBe(400);
    } finally {
      child.kill('SIGKILL');
      await hub.stop();
    }
    // Two central starts under tsx and 400 tickets: ~19 s alone, over 30 s on a busy machine.
  }, 120_000);
});
