import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serviceDay } from '@layso/shared';
import { DATABASE_FILE, openDatabase } from '../apps/hub/src/store/open-database.js';
import { CpuWindow, describeCpu } from './lib/cpu-load.js';
import { call, keepAliveAgent, type Target } from './lib/http-client.js';
import { GROWTH_SERVICES, growthCenter, servicePrefix, serviceId } from './lib/growth-center.js';
import { spawnHub, withExitReports, type HubProcess } from './lib/hub-process.js';
import { BENCH_DIR, freshDir } from './lib/paths.js';
import { explain, HOT_QUERIES, hubStatements, sampleArgs, timeQuery, type QueryPlan } from './lib/query-plans.js';
import type { Report } from './lib/report.js';
import { addDays, storeCenter, TicketSeeder } from './lib/seed-tickets.js';
import { schemaKey } from './lib/sqlite.js';
import { describe, summarize, type Summary } from './lib/stats.js';
import { createTokens } from './lib/tokens.js';

const HISTORY_DAYS = 365;
/** Today's tickets in (b) and (c): 20 services × 950 (999 a prefix a day leaves room for the measured issues). */
const TODAY_PER_SERVICE = 950;
const TODAY_WAITING_PER_SERVICE = 20;
const WARMUP = 50;
const SAMPLES = 500;
const MEASURE_MAX_MS = 120_000;
/** Bump when the seeded history changes shape, so an old cache is not reused. */
const SEED_VERSION = 1;

interface Phase {
  key: 'a' | 'b' | 'c';
  label: string;
  dir: string;
  tickets: number;
  hub?: HubProcess;
  target?: Target;
  kiosk?: string;
  issue: number[];
  catalog: number[];
  errors: string[];
  /** What the hub process printed, kept after it stops: the cause of any failed request. */
  hubOutput?: string;
}

function dbMegabytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith(DATABASE_FILE))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 2 ** 20;
}

/** A year of finished tickets, seeded once per schema and cached (building takes a minute or two). */
function ensureHistory(report: Report, today: string): { file: string; tickets: number } {
  const cacheDir = join(BENCH_DIR, 'cache');
  const name = `history-${schemaKey()}-seed${SEED_VERSION}-${HISTORY_DAYS}d.db`;
  const file = join(cacheDir, name);
  if (existsSync(file)) {
    const db = openDatabase(file);
    const tickets = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    db.close();
    report.note(`history: reusing ${file} (${tickets.toLocaleString('en')} tickets, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB)`);
    return { file, tickets };
  }
  freshDir('cache');
  const partial = `${file}.partial`;
  const started = performance.now();
  const db = openDatabase(partial);
  let tickets = 0;
  try {
    storeCenter(db, growthCenter());
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    const seeder = new TicketSeeder(db, 20261122);
    for (let d = HISTORY_DAYS; d >= 1; d--) {
      tickets += seeder.pastDay(addDays(today, -d));
      if (d % 73 === 0 || d === 1) report.note(`history: ${HISTORY_DAYS - d + 1}/${HISTORY_DAYS} days, ${tickets.toLocaleString('en')} tickets, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  renameSync(partial, file);
  report.note(`history: seeded ${tickets.toLocaleString('en')} tickets over ${HISTORY_DAYS} days in ${((performance.now() - started) / 1000).toFixed(0)} s → ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MB)`);
  return { file, tickets };
}

/** (a) empty, (b) one busy day, (c) a year of history plus the same busy day. */
function preparePhases(report: Report, today: string, historyFile: string): { phases: Phase[]; plans: QueryPlan[] } {
  const config = growthCenter();
  const make = (key: Phase['key'], label: string, dir: string, tickets: number): Phase => ({ key, label, dir, tickets, issue: [], catalog: [], errors: [] });

  const a = freshDir('growth', 'a');
  let db = openDatabase(join(a, DATABASE_FILE));
  storeCenter(db, config);
  db.close();

  const b = freshDir('growth', 'b');
  db = openDatabase(join(b, DATABASE_FILE));
  storeCenter(db, config);
  const todayTickets = new TicketSeeder(db, 7).today(today, TODAY_PER_SERVICE, TODAY_WAITING_PER_SERVICE);
  db.close();

  const c = freshDir('growth', 'c');
  copyFileSync(historyFile, join(c, DATABASE_FILE));
  db = openDatabase(join(c, DATABASE_FILE));
  let plans: QueryPlan[];
  let total: number;
  try {
    new TicketSeeder(db, 7).today(today, TODAY_PER_SERVICE, TODAY_WAITING_PER_SERVICE);
    total = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    plans = queryPlans(db, today);
  } finally {
    db.close();
  }
  report.note(`(b) today: ${todayTickets.toLocaleString('en')} tickets (${GROWTH_SERVICES} services × ${TODAY_PER_SERVICE}, ${TODAY_WAITING_PER_SERVICE} waiting each)`);
  return {
    phases: [make('a', 'empty', a, 0), make('b', '1 day', b, todayTickets), make('c', '1 year', c, total)],
    plans,
  };
}

function queryPlans(db: ReturnType<typeof openDatabase>, today: string): QueryPlan[] {
  const statements = hubStatements(db);
  const sample = { day: today, serviceId: serviceId(0), counter: 10, prefix: servicePrefix(0), now: Date.now() };
  const names = [...HOT_QUERIES.filter((n) => statements.has(n)), ...[...statements.keys()].filter((n) => !HOT_QUERIES.includes(n))];
  return names.map((name) => {
    const statement = statements.get(name)!;
    const plan = explain(db, name, statement.source);
    const args = sampleArgs(name, sample);
    if (args && statement.reader && /^\s*SELECT/i.test(statement.source)) plan.medianUs = timeQuery(statement, args);
    return plan;
  });
}

/**
 * Sequential requests, interleaved across the three hubs (a, b, c, a, b, c, …), so
 * whatever else the machine does at that moment hits every phase alike.
 */
async function measureInterleaved(phases: Phase[], what: 'issue' | 'catalog', count: number, record: boolean): Promise<void> {
  const deadline = performance.now() + MEASURE_MAX_MS;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    for (let k = 0; k < phases.length; k++) {
      const p = phases[(i + k) % phases.length]!;
      const t0 = performance.now();
      const reply =
        what === 'issue'
          ? await call(p.target!, 'POST', '/api/tickets', {
              token: p.kiosk!,
              body: JSON.stringify({ serviceId: serviceId(i % GROWTH_SERVICES), requestId: `growth-${what}-${record ? 'm' : 'w'}-${i}` }),
            })
          : await call(p.target!, 'GET', '/api/catalog');
      const ms = performance.now() - t0;
      if (reply.status !== (what === 'issue' ? 201 : 200)) p.errors.push(`${what} ${reply.status} ${reply.text.slice(0, 120)}`);
      else if (record) p[what].push(ms);
    }
  }
}

export async function runGrowthBenchmark(report: Report): Promise<void> {
  report.section('growth', 'issue and catalog latency on an empty DB, one busy day, and a year of history');
  const today = serviceDay(Date.now(), growthCenter().timeZone);
  const history = ensureHistory(report, today);
  const { phases, plans } = preparePhases(report, today, history.file);

  // ---- query plans of the hub's statements on the 1-year database
  report.note(`EXPLAIN QUERY PLAN of the hub's statements on (c) (${phases[2]!.tickets.toLocaleString('en')} tickets); median time with realistic arguments:`);
  for (const p of plans) {
    report.note(`${p.scansTickets ? '✗' : '·'} ${p.name}${p.medianUs !== undefined ? `  [${p.medianUs.toFixed(1)} µs]` : ''}`);
    report.note(`    ${p.sql.length > 160 ? `${p.sql.slice(0, 157)}...` : p.sql}`);
    for (const line of p.plan) report.note(`      ${line}`);
  }
  const scans = plans.filter((p) => p.scansTickets);
  for (const p of scans) report.fail(`query plan: ${p.name}`, `scans the tickets table: ${p.plan.join(' / ')}`);
  report.check('hub statements that scan the tickets table', scans.length, '', { atMost: 0 });

  // ---- latency against three hub processes, interleaved
  try {
    for (const p of phases) {
      [p.kiosk] = createTokens(p.dir, [{ role: 'kiosk' }]);
      p.hub = await spawnHub(p.dir, { startTimeoutMs: 60_000 });
      p.target = { port: p.hub.port, agent: keepAliveAgent(1) };
    }
    const window = new CpuWindow(() => phases.reduce((sum, p) => sum + (p.hub?.cpuMs() ?? 0), 0));
    for (const what of ['issue', 'catalog'] as const) {
      await measureInterleaved(phases, what, WARMUP, false);
      await measureInterleaved(phases, what, SAMPLES, true);
    }
    report.note(`during the measurements (hub = the three hub processes): ${describeCpu(window.end())}`);
  } catch (error) {
    throw await withExitReports(error, phases.map((p) => p.hub));
  } finally {
    for (const p of phases) {
      p.target?.agent.destroy();
      p.hubOutput = p.hub?.output();
      await p.hub?.stop();
    }
  }

  const stats = new Map<Phase['key'], { issue: Summary; catalog: Summary }>();
  for (const p of phases) {
    const s = { issue: summarize(p.issue), catalog: summarize(p.catalog) };
    stats.set(p.key, s);
    report.note(`(${p.key}) ${p.label}: ${p.tickets.toLocaleString('en')} tickets, DB ${dbMegabytes(p.dir).toFixed(0)} MB`);
    report.note(`    issue   ${describe(s.issue)}`);
    report.note(`    catalog ${describe(s.catalog)}`);
    report.info(`(${p.key}) ${p.label}: issue p50 / p99`, `${s.issue.p50.toFixed(2)} / ${s.issue.p99.toFixed(2)}`, 'ms');
    report.info(`(${p.key}) ${p.label}: catalog p50 / p99`, `${s.catalog.p50.toFixed(2)} / ${s.catalog.p99.toFixed(2)}`, 'ms');
    if (p.errors.length > 0) {
      report.fail(`(${p.key}) requests failed`, `${p.errors.length}: ${p.errors[0]}`);
      const printed = (p.hubOutput ?? '').trim().split('\n').slice(-30);
      report.note(`(${p.key}) the hub printed (last ${printed.length} lines):`);
      for (const line of printed) report.note(`    ${line}`);
    }
  }
  const a = stats.get('a')!;
  const b = stats.get('b')!;
  const c = stats.get('c')!;
  report.note(`p99 ratios (c)/(a): issue ${(c.issue.p99 / a.issue.p99).toFixed(2)}×, catalog ${(c.catalog.p99 / a.catalog.p99).toFixed(2)}×; (b)/(a) p50: issue ${(b.issue.p50 / a.issue.p50).toFixed(2)}×, catalog ${(b.catalog.p50 / a.catalog.p50).toFixed(2)}×`);
  report.info('issue p50 (c) 1 year / (b) 1 day (history alone)', c.issue.p50 / b.issue.p50, '×');
  report.info('catalog p50 (c) 1 year / (b) 1 day (history alone)', c.catalog.p50 / b.catalog.p50, '×');
  report.check('issue p50 (c) 1 year / (a) empty', c.issue.p50 / a.issue.p50, '×', { atMost: 2 });
  report.check('catalog p50 (c) 1 year / (a) empty', c.catalog.p50 / a.catalog.p50, '×', { atMost: 2 });
  // The 1-year copy is large; the cached history stays for the next run.
  rmSync(phases[2]!.dir, { recursive: true, force: true });
}
