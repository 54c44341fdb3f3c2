import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QueueCore } from '../../queue/queue-core.js';
import { DATABASE_FILE, openDatabase } from '../../store/open-database.js';
import { SqliteQueueStore } from '../../store/sqlite-queue-store.js';
import { addDays } from '../calendar-days.js';
import { ReportEngine } from '../report-engine.js';
import { yearCenter } from './seed-center.js';
import { YearSeeder } from './year-seeder.js';

export interface SeedYearOptions {
  dataDir: string;
  /** Days of history before today (default 365). */
  days?: number;
  seed?: number;
  /** Build the report rollups afterwards (default true). */
  rollups?: boolean;
  now?: () => number;
  progress?: (message: string) => void;
}

export interface SeedYearResult {
  file: string;
  tickets: number;
  firstDay: string;
  lastDay: string;
  seedMs: number;
  rollupMs: number;
}

/**
 * `layso seed-year`: a data folder holding the 20-service, 30-counter center and a
 * realistic history of `days` finished days before today (≈ 5 M tickets for a year),
 * with the report rollups built. Refuses a folder that already has a database: it is
 * for demos and benchmarks, never for a real center's data.
 */
export function seedYear(options: SeedYearOptions): SeedYearResult {
  const now = options.now ?? Date.now;
  const progress = options.progress ?? (() => {});
  const file = join(options.dataDir, DATABASE_FILE);
  // Checked before opening: opening would migrate (and could touch) a real center's database.
  if (existsSync(file)) throw new Error(`${file} already exists; seed-year only fills a data folder without a database`);
  const db = openDatabase(file);
  try {
    const center = yearCenter();
    const core = new QueueCore(new SqliteQueueStore(db), { now }, center);
    core.replaceConfig(center);
    const today = core.currentDay;
    const days = options.days ?? 365;
    const firstDay = addDays(today, -days);
    const lastDay = addDays(today, -1);
    const seeder = new YearSeeder(db, options.seed ?? 1);
    const started = performance.now();
    let tickets = 0;
    for (let day = firstDay, i = 1; day <= lastDay; day = addDays(day, 1), i++) {
      tickets += seeder.seedDay(day).tickets;
      if (i % 30 === 0) progress(`seeded ${i}/${days} days, ${tickets.toLocaleString('en')} tickets`);
    }
    const seedMs = performance.now() - started;
    let rollupMs = 0;
    if (options.rollups !== false) {
      const t0 = performance.now();
      new ReportEngine(db, now).fillFinishedDays(firstDay, lastDay, center.timeZone);
      rollupMs = performance.now() - t0;
      progress(`built the report rollups of ${days} days in ${(rollupMs / 1000).toFixed(1)} s`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { file, tickets, firstDay, lastDay, seedMs, rollupMs };
  } finally {
    db.close();
  }
}
