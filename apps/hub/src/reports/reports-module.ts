import type Database from 'better-sqlite3';
import type { CenterConfig } from '@layso/shared';
import type { HubModule } from '../http/hub-module.js';
import { oldestTicketDay } from './report-store.js';
import { buildReportRoutes } from './report-routes.js';
import { ReportRunner } from './report-runner.js';
import { backfillRollups, fillRollupsAfterRollover } from './rollover-fill.js';

export interface ReportsModuleDeps {
  db: Database.Database;
  config(): CenterConfig;
  /** The service day the hub is on (the backfill stops before it). */
  today(): string;
  log(message: string, error?: unknown): void;
}

/**
 * Reports: the admin's report and its CSV/XLSX export, computed in a worker thread on
 * its own connection (issuing never waits for one); a day rollover builds the finished
 * day's rollup there, and the start fills the rollups a database with history lacks.
 */
export function createReportsModule(deps: ReportsModuleDeps): HubModule {
  const { db, config, log } = deps;
  const reports = new ReportRunner(db.name, log);
  const timeZone = () => config().timeZone;
  return {
    name: 'reports',
    routes: buildReportRoutes({ reports, config }),
    onEvents: (events) => fillRollupsAfterRollover(events, reports, timeZone, log),
    start: () => void backfillRollups(oldestTicketDay(db), deps.today(), reports, timeZone, log),
    stop: () => reports.close(),
  };
}
