import type Database from 'better-sqlite3';
import type { Clerk } from '@layso/shared';
import type { HubModule } from '../http/hub-module.js';
import { AdminConfigService, type AdminConfigServiceDeps } from './admin-config-service.js';
import { buildAdminConfigRoutes } from './admin-config-routes.js';
import { buildAdminTodayRoutes } from './admin-today-routes.js';
import { SqliteFloorReads } from './sqlite-floor-reads.js';
import { todayFloor } from './today-floor.js';

export interface AdminConfigModuleDeps extends AdminConfigServiceDeps {
  db: Database.Database;
  /** Counters with at least one counter console connected now (the devices feature). */
  countersWithConsoleOnline(): ReadonlySet<number>;
  /** The clerks and where they are signed in (admin-auth). */
  clerks(): readonly Clerk[];
}

/** The center's live configuration, the day's close/reopen, and the Today page's view of the floor. */
export function createAdminConfigModule(deps: AdminConfigModuleDeps): HubModule {
  const { core, clock } = deps;
  const floorReads = new SqliteFloorReads(deps.db);
  const floor = () =>
    todayFloor({
      catalog: () => core.views.catalog(),
      serving: (day) => floorReads.serving(day),
      oldestWaiting: (day) => floorReads.oldestWaiting(day),
      countersWithConsoleOnline: deps.countersWithConsoleOnline,
      clerks: deps.clerks,
      now: () => clock.now(),
    });
  return {
    name: 'admin-config',
    routes: [...buildAdminConfigRoutes(new AdminConfigService(deps)), ...buildAdminTodayRoutes({ floor })],
  };
}
