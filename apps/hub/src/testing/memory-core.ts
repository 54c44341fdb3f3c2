import type { CenterConfig } from '@layso/shared';
import { FakeClock } from './fake-clock.js';
import { testCenter } from './test-center.js';
import { InMemoryQueueStore } from '../queue/in-memory-queue-store.js';
import { QueueCore } from '../queue/queue-core.js';

/** A queue core over the in-memory store, driven by a fake clock: what the core's unit tests run on. */
export interface MemoryCore {
  core: QueueCore;
  store: InMemoryQueueStore;
  clock: FakeClock;
  /** A new core over the same store and clock (a hub restart: only what the store kept survives). */
  reopen(): MemoryCore;
}

export interface MemoryCoreOptions {
  config?: CenterConfig;
  clock?: FakeClock;
}

/**
 * The core's unit tests run here: no database, no files, nothing to clean up. SQLite's
 * side of the same contract is proven by queue-store-contract.ts against SqliteQueueStore
 * and by the store's integration and crash tests.
 */
export function openMemoryCore(options: MemoryCoreOptions = {}): MemoryCore {
  const store = new InMemoryQueueStore();
  const clock = options.clock ?? new FakeClock();
  const open = (config: CenterConfig | undefined): MemoryCore => ({ core: new QueueCore(store, clock, config), store, clock, reopen: () => open(undefined) });
  return open(options.config ?? testCenter());
}
