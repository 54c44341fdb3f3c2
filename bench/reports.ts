/**
 * `pnpm bench reports`: report latency on a seeded year (≈ 5 M tickets, 20 services,
 * 30 counters) through the real hub process over HTTP — cold (rollups missing) and
 * warm, month and year, by service / counter / clerk, today's live report — and
 * whether issuing tickets slows down while year reports run.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportResponse } from '@layso/shared';
import { addDays } from '../apps/hub/src/reports/calendar-days.js';
import { seedYear } from '../apps/hub/src/reports/seed/seed-year.js';
import { serviceId, SEED_SERVICES } from '../apps/hub/src/reports/seed/seed-center.js';
import { YearSeeder } from '../apps/hub/src/reports/seed/year-seeder.js';
import { DATABASE_FILE, openDatabase } from '../apps/hub/src/store/open-database.js';
import { growthCenter } from './lib/growth-center.js';
import { call, keepAliveAgent, type Target } from './lib/http-client.js';
import { spawnHub, withExitReports, type HubProcess } from './lib/hub-process.js';
import { BENCH_DIR, freshDir, monoMs } from './lib/paths.js';
import type { Report } from './lib/report.js';
import { schemaKey } from './lib/sqlite.js';
import { describe, summarize } from './lib/stats.js';
import { createTokens } from './lib/tokens.js';

const HISTORY_DAYS = 365;
const SEED = 1;
const WARM_RUNS = 5;
const ISSUES = 200;
/** Today's seeded share of a weekday: leaves most of each service's 999 numbers free. */
const TODAY_SCALE = 0.5;

/** The seeded year without rollups, cached per schema and per day (the seeder counts back from today). */
function ensureYear(report: Report, today: string): string {
  const dir = join(BENCH_DIR, 'cache', `reports-year-${schemaKey()}-${today}-seed${SEED}`);
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file)) {
    report.note(`seeded year: reusing ${file}`);
    return file;
  }
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const result = seedYear({ dataDir: building, days: HISTORY_DAYS, seed: SEED, rollups: false, progress: (m) => report.note(m) });
  report.info('seed: tickets', result.tickets, 'tickets');
  report.info('seed: time', Math.round(result.seedMs / 1000), 's');
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return file;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = monoMs();
  const value = await fn();
  return { ms: monoMs() - t0, value };
}

export async function runReportsBenchmark(report: Report): Promise<void> {
  report.section('reports', `month and year reports on a seeded year, issuing beside them`);
  const today = new Date().toISOString().slice(0, 10);
  const yearFile = ensureYear(report, today);

  const dataDir = freshDir('reports', 'hub');
  copyFileSync(yearFile, join(dataDir, DATABASE_FILE));
  // Today: half a weekday of finished tickets, so the live report has a day's worth to read.
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const hubDay = db.prepare("SELECT value FROM meta WHERE key = 'day'").pluck().get() as string;
  const todayTickets = new YearSeeder(db, 99).seedDay(hubDay, { asWeekday: true, scale: TODAY_SCALE }).tickets;
  db.close();
  report.note(`today (${hubDay}): ${todayTickets} tickets seeded; the history ends ${addDays(hubDay, -1)}`);
  const [admin, kiosk] = createTokens(dataDir, [{ role: 'admin' }, { role: 'kiosk' }]);
  // Same services and counters as the seeded year, open around the clock so tickets can be issued now.
  const configFile = join(dataDir, 'center.json');
  writeFileSync(configFile, JSON.stringify(growthCenter()));

  let hub: HubProcess | undefined;
  try {
    hub = await spawnHub(dataDir, { config: configFile, startTimeoutMs: 60_000 });
    const target: Target = { port: hub.port, agent: keepAliveAgent(2) };
    const get = async (path: string) => {
      const reply = await call(target, 'GET', path, { token: admin, timeoutMs: 600_000 });
      if (reply.status !== 200) throw new Error(`GET ${path} → ${reply.status} ${reply.text.slice(0, 300)}`);
      return JSON.parse(reply.text) as ReportResponse;
    };
    const range = (days: number, groupBy = 'service') => `/api/admin/reports?from=${addDays(hubDay, -days)}&to=${addDays(hubDay, -1)}&groupBy=${groupBy}`;

    const coldMonth = await timed(() => get(range(30)));
    report.info('month report, cold (30 rollups built)', Math.round(coldMonth.ms), 'ms');
    const coldYear = await timed(() => get(range(HISTORY_DAYS)));
    report.info('year report, cold (335 more rollups built)', Math.round(coldYear.ms), 'ms');
    report.info('year: tickets in the report', coldYear.value.totals.issued, 'tickets');

    for (const groupBy of ['service', 'counter', 'clerk'] as const) {
      const month: number[] = [];
      const year: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        month.push((await timed(() => get(range(30, groupBy)))).ms);
        year.push((await timed(() => get(range(HISTORY_DAYS, groupBy)))).ms);
      }
      report.note(`month by ${groupBy}: ${describe(summarize(month))}`);
      report.note(`year by ${groupBy}: ${describe(summarize(year))}`);
      report.check(`month report by ${groupBy}, warm, p50`, Math.round(summarize(month).p50), 'ms', { atMost: 300 });
      report.check(`year report by ${groupBy}, warm, p50`, Math.round(summarize(year).p50), 'ms', { atMost: 2000 });
    }

    const live: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) live.push((await timed(() => get(`/api/admin/reports?from=${hubDay}&to=${hubDay}`))).ms);
    report.note(`today (live, ${todayTickets} tickets): ${describe(summarize(live))}`);
    report.check('today report (live from tickets), p50', Math.round(summarize(live).p50), 'ms', { atMost: 300 });

    // Issuing, idle and while year reports keep the worker busy.
    const issueTarget: Target = { port: hub.port, agent: keepAliveAgent(1) };
    let n = 0;
    const issueOnce = async () => {
      n++;
      const body = JSON.stringify({ serviceId: serviceId(n % SEED_SERVICES), requestId: `bench-report-${Date.now()}-${n}` });
      const t0 = monoMs();
      const reply = await call(issueTarget, 'POST', '/api/tickets', { token: kiosk, body });
      if (reply.status !== 201) throw new Error(`issue → ${reply.status} ${reply.text.slice(0, 200)}`);
      return monoMs() - t0;
    };
    const issueMany = async (count: number) => {
      const samples: number[] = [];
      for (let i = 0; i < count; i++) samples.push(await issueOnce());
      return summarize(samples);
    };
    const idle = await issueMany(ISSUES);
    report.note(`issue, idle: ${describe(idle)}`);
    let reportsRunning = true;
    let reportsDone = 0;
    const reportLoop = (async () => {
      // Year reports by rotating grouping, including a rebuilt (cold) rollup each round.
      const groupings = ['service', 'counter', 'clerk'];
      while (reportsRunning) {
        await get(range(HISTORY_DAYS, groupings[reportsDone % 3]));
        reportsDone++;
      }
    })();
    const busy = await issueMany(ISSUES);
    reportsRunning = false;
    await reportLoop;
    report.note(`issue, while year reports run (${reportsDone} reports finished meanwhile): ${describe(busy)}`);
    report.info('issue p50, idle', Number(idle.p50.toFixed(2)), 'ms');
    report.info('issue p99, idle', Number(idle.p99.toFixed(2)), 'ms');
    report.info('issue p50, during year reports', Number(busy.p50.toFixed(2)), 'ms');
    report.info('issue p99, during year reports', Number(busy.p99.toFixed(2)), 'ms');
    if (reportsDone === 0) report.fail('year reports ran during issuing', 'no report finished while tickets were issued');
    // "Must not slow down": the median stays within 2 ms + 50 % of idle on a shared 2-core box.
    report.check('issue p50 during year reports vs idle', Number((busy.p50 - idle.p50).toFixed(2)), 'ms more', { atMost: Number(Math.max(2, idle.p50 * 0.5).toFixed(2)) });
  } catch (error) {
    throw await withExitReports(error, [hub]);
  } finally {
    await hub?.stop();
  }
}
