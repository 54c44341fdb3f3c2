/**
 * `pnpm bench central`: a load generator speaking the real hub → central protocol
 * (signed batches, one in flight per hub, resend from central's high-water mark)
 * as thousands of hubs, against central as its own process on a throwaway
 * PostgreSQL 15 server (fsync off: the temp server's setting, see the note printed).
 * (a) peak hour, (b) catch-up, (c) a province's dashboard and ranking over a seeded
 * year, (d) SIGKILL central under load; at the end every hub's events and rollups are
 * compared with what the hub itself sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { CENTRAL_HUB_HEADER, CENTRAL_INGEST_PATH, SIGNATURE_HEADER, TIMESTAMP_HEADER, type CentralEvent } from '@layso/shared';
import { signRequest } from '@layso/shared/request-signature';
import { migrate } from '../apps/central/src/store/migrate.js';
import { createPgClient, type SqlClient } from '../apps/central/src/store/sql-client.js';
import { freePort, startPostgresServer } from '../apps/central/src/testing/postgres-server.js';
import { REPO_ROOT, monoMs, sleep } from './lib/paths.js';
import type { Report } from './lib/report.js';
import { summarize } from './lib/stats.js';

const ONLINE_HUBS = 3_500;
const CATCH_UP_HUBS = 500;
/** A busy center's peak hour: 150 tickets, each issued, called, done and rated. */
const PEAK_EVENTS_PER_HUB_HOUR = 600;
const PEAK_SECONDS = 45;
/** Scaled from a busy day's ~2,400 events so the run fits in 10 minutes on 2 shared cores. */
const BACKLOG_PER_HUB = 400;
const PROVINCE_CENTERS = 200;
const KILL_HUBS = 300;
const BATCH = 200;
const TODAY = new Date().toISOString().slice(0, 10);
const KINDS = ['ticket.issued', 'ticket.called', 'ticket.done', 'rating'] as const;

/** One simulated hub: its events in seq order, what central acknowledged, lag samples. */
class SimHub {
  readonly events: Array<CentralEvent & { committedAt: number }> = [];
  acked = 0;
  private busy = false;
  constructor(
    readonly id: string,
    readonly secret: string,
  ) {}

  /** The hub commits one event (a ticket's next step). */
  commit(now: number): void {
    const seq = this.events.length + 1;
    const ticketId = Math.ceil(seq / 4);
    const kind = KINDS[(seq - 1) % 4]!;
    const issuedAt = Date.now() - (kind === 'ticket.issued' ? 0 : 8 * 60_000);
    const payload: CentralEvent['payload'] = kind === 'rating' ? { ticketId, serviceId: 'ho-tich', counter: 1, score: 'satisfied' } : { ticketId, number: `A${ticketId}`, serviceId: 'ho-tich', counter: 1, source: ticketId % 5 === 0 ? 'portal' : 'kiosk', priority: false, issuedAt };
    this.events.push({ seq, kind, day: TODAY, occurredAt: Date.now(), payload, committedAt: now });
  }

  /** Sends the next batch if none is in flight; lag of each newly acknowledged event goes to `lags`. */
  async pump(target: Target, lags: number[] | null): Promise<void> {
    if (this.busy || this.acked >= this.events.length) return;
    this.busy = true;
    try {
      const batch = this.events.slice(this.acked, this.acked + BATCH).map(({ committedAt: _c, ...e }) => e);
      const answer = await post(target, this, JSON.stringify({ events: batch }));
      const highWater = answer.highWater ?? answer.error?.highWater;
      if (highWater !== undefined) {
        const now = monoMs();
        if (lags) for (let s = this.acked; s < highWater; s++) lags.push(now - this.events[s]!.committedAt);
        this.acked = Math.max(this.acked, highWater);
      } else await sleep(200);
    } catch {
      await sleep(200);
    } finally {
      this.busy = false;
    }
  }
}

interface Target {
  port: number;
  agent: Agent;
}

function post(target: Target, hub: SimHub, body: string): Promise<{ highWater?: number; error?: { highWater?: number } }> {
  const timestamp = String(Date.now());
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port: target.port, path: CENTRAL_INGEST_PATH, method: 'POST', agent: target.agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), [CENTRAL_HUB_HEADER]: hub.id, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signRequest(hub.secret, timestamp, 'POST', CENTRAL_INGEST_PATH, body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString()));
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/** Runs `hubs` at the peak rate for `seconds`, pumping every hub; returns after the time is up. */
async function drive(target: Target, hubs: SimHub[], seconds: number, lags: number[], extra?: () => void): Promise<void> {
  const perTick = (hubs.length * PEAK_EVENTS_PER_HUB_HOUR) / 3600 / 10;
  let owed = 0;
  const end = monoMs() + seconds * 1000;
  while (monoMs() < end) {
    owed += perTick;
    const now = monoMs();
    for (; owed >= 1; owed -= 1) hubs[Math.floor(Math.random() * hubs.length)]!.commit(now);
    for (const hub of hubs) void hub.pump(target, lags);
    extra?.();
    await sleep(100);
  }
}

async function drain(target: Target, hubs: SimHub[], lags: number[] | null, timeoutMs = 120_000): Promise<boolean> {
  const end = monoMs() + timeoutMs;
  while (hubs.some((h) => h.acked < h.events.length)) {
    if (monoMs() > end) return false;
    for (const hub of hubs) void hub.pump(target, lags);
    await sleep(50);
  }
  return true;
}

async function startCentralProcess(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${REPO_ROOT}apps/central/src/cli/main.ts`, 'serve', '--postgres', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`central exited ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return child;
}

async function registerHubs(db: SqlClient, prefix: string, count: number, province: (i: number) => string): Promise<SimHub[]> {
  const hubs = Array.from({ length: count }, (_, i) => new SimHub(`${prefix}-${i}`, `secret-${prefix}-${i}`));
  await db.query(
    `INSERT INTO hubs (id, name, province, secret) SELECT u.id, 'Trung tâm ' || u.id, u.province, u.secret FROM unnest($1::text[], $2::text[], $3::text[]) AS u (id, province, secret)`,
    [hubs.map((h) => h.id), hubs.map((_, i) => province(i)), hubs.map((h) => h.secret)],
  );
  await db.query('INSERT INTO hub_progress (hub_id) SELECT unnest($1::text[])', [hubs.map((h) => h.id)]);
  return hubs;
}

const p = (lags: number[]) => summarize(lags);

export async function runCentralBenchmark(report: Report): Promise<void> {
  report.section('central', 'hubs → central on PostgreSQL 15 (central as its own process)');
  const server = await startPostgresServer();
  const db = createPgClient(server.connection);
  let central: ChildProcess | null = null;
  try {
    await migrate(db);
    const env = { ...process.env, PGHOST: server.connection.host, PGPORT: String(server.connection.port), PGUSER: server.connection.user, PGDATABASE: server.connection.database };
    const port = await freePort();
    central = await startCentralProcess({ ...env, LAYSO_CENTRAL_READ_TOKEN: 'bench' }, port);
    // Real hubs each hold their own connection: no shared client-side socket cap that
    // would queue the online hubs behind the catch-up hubs' big batches.
    const target: Target = { port, agent: new Agent({ keepAlive: true, maxSockets: Infinity }) };
    report.note('PostgreSQL: throwaway server with fsync=off, shared_buffers=32MB (apps/central/src/testing/postgres-server.ts)');

    // (a) the whole country at its peak hour; the first 200 hubs are the dashboard's province.
    const online = await registerHubs(db, 'xa', ONLINE_HUBS, (i) => (i < PROVINCE_CENTERS ? 'tinh-bench' : `tinh-${i % 33}`));
    const peakLags: number[] = [];
    const t0 = monoMs();
    await drive(target, online, PEAK_SECONDS, peakLags);
    const peakEvents = peakLags.length;
    report.info('peak: hubs', ONLINE_HUBS);
    report.info('peak: events/s sustained', Math.round((peakEvents / (monoMs() - t0)) * 1000), 'events/s');
    report.info('peak: lag p50', Math.round(p(peakLags).p50), 'ms');
    report.check('peak: lag p99 (hub commit → stored in central)', Math.round(p(peakLags).p99), 'ms', { atMost: 2000 });

    // (b) catch-up: 500 hubs with a backlog flush at once while the 3,500 keep going.
    const offline = await registerHubs(db, 'xa-offline', CATCH_UP_HUBS, (i) => `tinh-${i % 33}`);
    const start = monoMs();
    for (const hub of offline) for (let i = 0; i < BACKLOG_PER_HUB; i++) hub.commit(start);
    const onlineLags: number[] = [];
    const backlog = CATCH_UP_HUBS * BACKLOG_PER_HUB;
    let caughtUpAt = 0;
    const pumpOffline = () => {
      for (const hub of offline) void hub.pump(target, null);
      if (!caughtUpAt && offline.every((h) => h.acked >= h.events.length)) caughtUpAt = monoMs();
    };
    const limit = monoMs() + 240_000;
    while (!caughtUpAt && monoMs() < limit) await drive(target, online, 5, onlineLags, pumpOffline);
    const catchUpSeconds = ((caughtUpAt || monoMs()) - start) / 1000;
    report.info('catch-up: backlog', `${CATCH_UP_HUBS} hubs × ${BACKLOG_PER_HUB} events = ${backlog}`);
    report.check('catch-up: backlog events/s', Math.round((offline.reduce((n, h) => n + h.acked, 0)) / catchUpSeconds), 'events/s', { atLeast: 5000 });
    report.check('catch-up: online hubs lag p99', Math.round(p(onlineLags).p99), 'ms', { atMost: 5000 });
    report.info('catch-up: online hubs lag p50', Math.round(p(onlineLags).p50), 'ms');
    await drain(target, online, null);

    // (c) a province's dashboard and ranking with a year of rollups for its 200 centers.
    await db.query(
      `INSERT INTO center_days (hub_id, day, service_id, issued, online, called, served, no_show, wait_ms_sum, within_target, ratings, satisfied)
       SELECT h.id, d::date, 'svc-' || s, 40, 8, 38, 35, 3, 38 * 600000, 30, 20, 17
       FROM hubs h, generate_series(current_date - 365, current_date - 1, interval '1 day') d, generate_series(1, 5) s WHERE h.province = 'tinh-bench'
       ON CONFLICT DO NOTHING`,
    );
    await db.query(
      `INSERT INTO center_months (hub_id, month, service_id, issued, online, called, served, no_show, wait_ms_sum, within_target, ratings, satisfied)
       SELECT hub_id, date_trunc('month', day)::date, service_id, SUM(issued), SUM(online), SUM(called), SUM(served), SUM(no_show), SUM(wait_ms_sum), SUM(within_target), SUM(ratings), SUM(satisfied)
       FROM center_days WHERE day < current_date GROUP BY 1, 2, 3 ON CONFLICT DO NOTHING`,
    );
    await db.exec('ANALYZE');
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    for (const [name, path] of [['dashboard (GET /api/centers, 200 centers)', '/api/centers?province=tinh-bench'], ['ranking (GET /api/ranking, a year)', `/api/ranking?from=${from}&to=${TODAY}&province=tinh-bench`]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = monoMs();
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: 'Bearer bench' } });
        const json = (await response.json()) as { centers?: unknown[] };
        if (response.status !== 200 || json.centers?.length !== PROVINCE_CENTERS) throw new Error(`${path}: ${response.status}, ${json.centers?.length} centers`);
        times.push(monoMs() - t);
      }
      report.info(`${name} p50`, Math.round(p(times).p50), 'ms');
      report.check(`${name} p99`, Math.round(p(times).p99), 'ms', { atMost: 300 });
    }

    // (d) SIGKILL central under load, restart, every event counted once.
    const killed = online.slice(0, KILL_HUBS);
    const killLags: number[] = [];
    let restarted = false;
    const killAt = monoMs() + 8_000;
    await drive(target, killed, 20, killLags, () => {
      if (!restarted && monoMs() > killAt) {
        restarted = true;
        central!.kill('SIGKILL');
        void startCentralProcess(env, port).then((child) => (central = child));
      }
    });
    const drained = await drain(target, [...online, ...offline], null);
    if (!drained) report.fail('SIGKILL: hubs drained', 'not every hub was acknowledged within 120 s');
    const all = [...online, ...offline];
    const { rows } = await db.query<{ id: string; n: number; counted: number; hw: number; issued: number | null }>(
      `SELECT p.hub_id AS id, p.high_water::int AS hw, p.event_count::int AS counted,
              (SELECT COUNT(*)::int FROM events e WHERE e.hub_id = p.hub_id) AS n,
              (SELECT SUM(issued)::int FROM center_days c WHERE c.hub_id = p.hub_id AND c.day = $1::date) AS issued
       FROM hub_progress p`,
      [TODAY],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    let lost = 0;
    let doubled = 0;
    for (const hub of all) {
      const row = byId.get(hub.id)!;
      const sent = hub.events.length;
      const issued = hub.events.filter((e) => e.kind === 'ticket.issued').length;
      lost += Math.max(0, sent - row.n) + Math.max(0, issued - (row.issued ?? 0));
      doubled += Math.max(0, row.n - sent) + Math.max(0, row.counted - sent) + Math.max(0, (row.issued ?? 0) - issued);
    }
    report.info('SIGKILL: events sent by all hubs', all.reduce((n, h) => n + h.events.length, 0));
    report.check('SIGKILL + whole run: events lost (rows or rollups)', lost, '', { atMost: 0 });
    report.check('SIGKILL + whole run: events double-counted', doubled, '', { atMost: 0 });
  } finally {
    central?.kill('SIGKILL');
    await db.close().catch(() => {});
    server.stop();
  }
}
