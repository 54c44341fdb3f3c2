import type { HubModule } from '../http/hub-module.js';
import type { QueueEvent } from '../queue/queue-core.js';

/** Personal data retention is counted in days: checking hourly is plenty. */
const PURGE_EVERY_MS = 3_600_000;

/**
 * Runs the hub's modules through its life: committed events, the periodic tick (with
 * the hourly personal-data purge), start, and stop in reverse order. A module that
 * throws is logged and the others still run: after a commit nothing may take the hub
 * down (the tickets are saved; screens resync on their next snapshot).
 */
export class ModuleLifecycle {
  private lastPurge = 0;

  constructor(
    private readonly modules: readonly HubModule[],
    private readonly now: () => number,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  onEvents(events: readonly QueueEvent[]): void {
    for (const module of this.modules) {
      try {
        module.onEvents?.(events);
      } catch (error) {
        this.log(`publishing events to ${module.name} failed`, error);
      }
    }
  }

  tick(): void {
    for (const module of this.modules) module.tick?.();
    if (this.now() - this.lastPurge < PURGE_EVERY_MS) return;
    for (const module of this.modules) module.purgePersonalData?.();
    this.lastPurge = this.now();
  }

  start(): void {
    for (const module of this.modules) module.start?.();
  }

  async stop(): Promise<void> {
    for (const module of [...this.modules].reverse()) {
      try {
        await module.stop?.();
      } catch (error) {
        this.log(`stopping ${module.name} failed`, error);
      }
    }
  }
}
