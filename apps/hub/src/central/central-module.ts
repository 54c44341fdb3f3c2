import type Database from 'better-sqlite3';
import type { HubModule } from '../http/hub-module.js';
import type { RetryPolicy } from '../portal/retry-delay.js';
import type { Clock } from '../queue/ports.js';
import { CentralUpstream, type CentralSettings } from './central-upstream.js';
import { SqliteCentralOutbox } from './sqlite-central-outbox.js';

export interface CentralModuleDeps {
  db: Database.Database;
  /** The province's central (docs/central.md); null = the hub does not stream. */
  settings: CentralSettings | null;
  clock: Clock;
  timeZone(): string;
  log(message: string): void;
  /** Backoff when central fails (tests shorten it). */
  retry?: RetryPolicy;
}

/** Streams committed events to the province's central: every commit kicks the sender, which runs on its own timer. */
export function createCentralModule(deps: CentralModuleDeps): HubModule {
  const upstream = new CentralUpstream({
    outbox: new SqliteCentralOutbox(deps.db),
    settings: deps.settings,
    clock: deps.clock,
    timeZone: deps.timeZone,
    log: deps.log,
    ...(deps.retry ? { retry: deps.retry } : {}),
  });
  return {
    name: 'central',
    routes: [],
    onEvents: () => upstream.kick(),
    start: () => upstream.start(),
    stop: () => upstream.stop(),
  };
}
