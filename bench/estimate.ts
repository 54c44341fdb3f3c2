/**
 * `pnpm bench estimate`: how far the wait shown at issue is from the wait that really
 * followed, over simulated days on the real QueueCore (bench/lib/day-simulator.ts), for
 * the hub's estimator and, in the same run on the same tickets, the one it had before
 * issue 15. Deterministic (seeded): the same code gives the same figures on any machine.
 * Each profile runs two earlier same weekdays first, whose report rollups are the
 * history the estimator starts the measured day from, and is run with SEEDS.length
 * seeds: the checks are on all their tickets together, the spread over seeds is shown.
 */
import { join } from 'node:path';
import { waitRange } from '@layso/shared';
import { QueueCore } from '../apps/hub/src/queue/queue-core.js';
import { ReportEngine } from '../apps/hub/src/reports/report-engine.js';
import { RollupWaitHistory } from '../apps/hub/src/reports/wait-history.js';
import { DATABASE_FILE, openDatabase } from '../apps/hub/src/store/open-database.js';
import { SqliteQueueStore } from '../apps/hub/src/store/sqlite-queue-store.js';
import { dayStart, SimClock, simConfig, simulateDay, type IssuedRecord, type SimProfile } from './lib/day-simulator.js';
import { freshDir } from './lib/paths.js';
import type { Report } from './lib/report.js';

/** Tuesdays: two for history only, then three measured (each with the weeks before it as history). */
const HISTORY_DAYS = ['2026-11-03', '2026-11-10'];
const MEASURED_DAYS = ['2026-11-17', '2026-11-24', '2026-12-01'];
/** Profile i runs with seeds SEEDS + i (each a different set of simulated days). */
const SEEDS = [15, 16, 17, 18, 19, 20];

export const PROFILES: SimProfile[] = [
  {
    name: 'small commune center',
    services: [
      { id: 'chung-thuc', prefix: '10', meanMin: 4, weight: 5 },
      { id: 'ho-tich', prefix: '20', meanMin: 9, weight: 3 },
      { id: 'dat-dai', prefix: '30', meanMin: 15, weight: 1.5 },
    ],
    counters: [
      { number: 1, serviceIds: ['chung-thuc'] },
      { number: 2, serviceIds: ['chung-thuc', 'ho-tich'] },
      { number: 3, serviceIds: ['ho-tich', 'dat-dai', 'chung-thuc'] },
    ],
    arrivalsPerDay: 150,
    pause: { counter: 2, from: '09:30', to: '10:15' },
    priorityPolicy: { policy: 'interleaved', every: 2 },
  },
  {
    name: 'district center',
    services: [
      { id: 'tu-phap', prefix: '11', meanMin: 6, weight: 4 },
      { id: 'kinh-doanh', prefix: '22', meanMin: 12, weight: 2 },
      { id: 'dat-dai', prefix: '33', meanMin: 18, weight: 2 },
      { id: 'xay-dung', prefix: '44', meanMin: 10, weight: 1.5 },
      { id: 'lao-dong', prefix: '55', meanMin: 7, weight: 1.5 },
    ],
    counters: [
      { number: 1, serviceIds: ['tu-phap'] },
      { number: 2, serviceIds: ['tu-phap', 'lao-dong'] },
      { number: 3, serviceIds: ['kinh-doanh'] },
      { number: 4, serviceIds: ['kinh-doanh', 'xay-dung'] },
      { number: 5, serviceIds: ['dat-dai'] },
      { number: 6, serviceIds: ['dat-dai', 'xay-dung', 'lao-dong'] },
    ],
    arrivalsPerDay: 230,
    pause: { counter: 5, from: '09:45', to: '10:45' },
    priorityPolicy: { policy: 'strict' },
  },
  {
    name: 'busy provincial floor',
    services: [
      { id: 'xnc', prefix: '61', meanMin: 5, weight: 6 },
      { id: 'tu-phap', prefix: '62', meanMin: 7, weight: 4 },
      { id: 'dat-dai', prefix: '63', meanMin: 16, weight: 3 },
      { id: 'dau-tu', prefix: '64', meanMin: 20, weight: 1 },
      { id: 'giao-thong', prefix: '65', meanMin: 6, weight: 3 },
      { id: 'y-te', prefix: '66', meanMin: 9, weight: 1.5 },
      { id: 'lao-dong', prefix: '67', meanMin: 8, weight: 1.5 },
      { id: 'thue', prefix: '68', meanMin: 11, weight: 2 },
    ],
    counters: [
      { number: 1, serviceIds: ['xnc'] },
      { number: 2, serviceIds: ['xnc'] },
      { number: 3, serviceIds: ['xnc', 'tu-phap'] },
      { number: 4, serviceIds: ['tu-phap'] },
      { number: 5, serviceIds: ['dat-dai'] },
      { number: 6, serviceIds: ['dat-dai', 'dau-tu'] },
      { number: 7, serviceIds: ['giao-thong'] },
      { number: 8, serviceIds: ['giao-thong', 'y-te', 'lao-dong'] },
      { number: 9, serviceIds: ['y-te', 'lao-dong'] },
      { number: 10, serviceIds: ['thue', 'dau-tu'] },
      { number: 11, serviceIds: ['thue', 'tu-phap', 'dat-dai'] },
    ],
    arrivalsPerDay: 560,
    pause: { counter: 4, from: '09:30', to: '10:30' },
    priorityPolicy: { policy: 'interleaved', every: 3 },
  },
];

export interface Scores {
  tickets: number;
  uncalled: number;
  meanWaitMin: number;
  estimate: { maeMin: number; inRange: number };
  legacy: { maeMin: number; inRange: number };
}

/** Compares each called ticket's estimate at issue with its real wait (issue → first call). */
export function score(issued: readonly IssuedRecord[], firstCalledAt: (id: number) => number | null): Scores {
  let n = 0;
  let uncalled = 0;
  let waitSum = 0;
  const sums = { estimate: { err: 0, inside: 0 }, legacy: { err: 0, inside: 0 } };
  for (const t of issued) {
    const called = firstCalledAt(t.id);
    if (called === null) {
      uncalled += 1;
      continue;
    }
    const wait = (called - t.issuedAt) / 60_000;
    n += 1;
    waitSum += wait;
    for (const key of ['estimate', 'legacy'] as const) {
      const shown = t[key];
      const range = waitRange(shown);
      sums[key].err += Math.abs(shown - wait);
      if (wait >= range.low && wait <= range.high) sums[key].inside += 1;
    }
  }
  const of = (k: 'estimate' | 'legacy') => ({ maeMin: sums[k].err / Math.max(1, n), inRange: sums[k].inside / Math.max(1, n) });
  return { tickets: n, uncalled, meanWaitMin: waitSum / Math.max(1, n), estimate: of('estimate'), legacy: of('legacy') };
}

/** Simulates the history days and the measured day of one profile on a fresh database. */
export function runProfile(profile: SimProfile, seed: number, dir: string): Scores {
  const db = openDatabase(join(dir, DATABASE_FILE));
  // The bench measures estimates, not durability: no fsync per simulated command.
  db.pragma('synchronous = OFF');
  try {
    const config = simConfig(profile);
    const clock = new SimClock(dayStart(HISTORY_DAYS[0]!) + 7 * 3_600_000);
    const store = new SqliteQueueStore(db);
    const core = new QueueCore(store, clock, config, { waitHistory: new RollupWaitHistory(db) });
    HISTORY_DAYS.forEach((day, i) => {
      clock.ms = dayStart(day) + 7 * 3_600_000;
      core.tick();
      simulateDay(core, store, clock, profile, day, seed * 100 + i);
    });
    const issued: IssuedRecord[] = [];
    MEASURED_DAYS.forEach((day, i) => {
      clock.ms = dayStart(day) + 7 * 3_600_000;
      core.tick();
      // The rollups of the days before, as the hub's report worker builds them after a rollover.
      new ReportEngine(db, () => clock.ms).fillFinishedDays(HISTORY_DAYS[0]!, day, config.timeZone);
      issued.push(...simulateDay(core, store, clock, profile, day, seed * 100 + 50 + i));
    });
    return score(issued, (id) => core.getTicket(id)?.firstCalledAt ?? null);
  } finally {
    db.close();
  }
}

/** The scores of several runs as one (ticket-weighted). */
function pooled(runs: readonly Scores[]): Scores {
  const tickets = runs.reduce((sum, r) => sum + r.tickets, 0);
  const mean = (f: (r: Scores) => number) => runs.reduce((sum, r) => sum + f(r) * r.tickets, 0) / Math.max(1, tickets);
  return {
    tickets,
    uncalled: runs.reduce((sum, r) => sum + r.uncalled, 0),
    meanWaitMin: mean((r) => r.meanWaitMin),
    estimate: { maeMin: mean((r) => r.estimate.maeMin), inRange: mean((r) => r.estimate.inRange) },
    legacy: { maeMin: mean((r) => r.legacy.maeMin), inRange: mean((r) => r.legacy.inRange) },
  };
}

export function runEstimateBenchmark(report: Report): Promise<void> {
  report.section('estimate', `wait shown at issue vs the wait that followed (simulated days on the real QueueCore, ${SEEDS.length} seeds per profile)`);
  for (const [i, profile] of PROFILES.entries()) {
    const runs = SEEDS.map((seed) => runProfile(profile, seed + i, freshDir('estimate', `${i}-${seed}`)));
    const s = pooled(runs);
    const label = profile.name;
    const spread = (f: (r: Scores) => number, show: (x: number) => string) => {
      const values = runs.map(f);
      return `${show(Math.min(...values))}–${show(Math.max(...values))}`;
    };
    report.note(`${label}: ${s.tickets} tickets called over ${runs.length} seeds (${s.uncalled} never called, left out), mean real wait ${s.meanWaitMin.toFixed(1)} min`);
    report.info(`${label}: today's estimator MAE`, `${s.legacy.maeMin.toFixed(1)} min (${pct(s.legacy.maeMin / s.meanWaitMin)} of mean wait), ${pct(s.legacy.inRange)} inside range`);
    report.info(`${label}: new estimator MAE`, `${s.estimate.maeMin.toFixed(1)} min (${pct(s.estimate.maeMin / s.meanWaitMin)} of mean wait), ${pct(s.estimate.inRange)} inside range`);
    report.info(`${label}: spread over seeds`, `MAE new / today's ${spread((r) => r.estimate.maeMin / r.legacy.maeMin, (x) => x.toFixed(2))}, inside range ${spread((r) => r.estimate.inRange, pct)}`);
    report.check(`${label}: MAE new / today's`, round2(s.estimate.maeMin / s.legacy.maeMin), '×', { atMost: 0.6 });
    report.check(`${label}: real waits inside the shown range`, Math.round(s.estimate.inRange * 1000) / 10, '%', { atLeast: 70 });
  }
  return Promise.resolve();
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)} %`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
