import type { Clock } from '../queue/ports.js';
import { hubLogger } from '../logging/hub-logger.js';

/**
 * `everyMs`: how often the watched connections are checked, on the hub's clock.
 * `wakeMs`: how often a real timer looks whether a check is due — the same pattern as
 * the hub's tick, so an injected clock (tests) decides when sweeps happen.
 */
export interface SweepTiming {
  everyMs: number;
  wakeMs: number;
}

export const SESSION_SWEEP: SweepTiming = { everyMs: 30_000, wakeMs: 1_000 };

export interface SessionSweepDeps<T> {
  /** Read afresh; must not count as use of the session. */
  isLive(item: T): boolean;
  drop(item: T): void;
  clock: Clock;
  timing?: SweepTiming;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Drops connections whose admin session ended by itself (idle or absolute limit):
 * sign-out, password change and disabling drop them at once elsewhere, but nothing
 * happens when a session simply runs out. The timer runs only while something is
 * watched, so a closed hub (all sockets gone) leaves no timer behind.
 */
export class SessionSweep<T> {
  private readonly watched = new Set<T>();
  private readonly timing: SweepTiming;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastSweep = 0;

  constructor(private readonly deps: SessionSweepDeps<T>) {
    this.timing = deps.timing ?? SESSION_SWEEP;
  }

  watch(item: T): void {
    this.watched.add(item);
    if (this.timer) return;
    this.lastSweep = this.deps.clock.now();
    this.timer = setInterval(() => this.wake(), Math.min(this.timing.wakeMs, this.timing.everyMs));
    // Never what keeps the process alive.
    this.timer.unref();
  }

  unwatch(item: T): void {
    this.watched.delete(item);
    if (this.watched.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }

  get size(): number {
    return this.watched.size;
  }

  private wake(): void {
    const now = this.deps.clock.now();
    // A clock set back (NTP, a test) sweeps at once rather than waiting for it to catch up.
    if (now >= this.lastSweep && now - this.lastSweep < this.timing.everyMs) return;
    this.lastSweep = now;
    this.sweep();
  }

  /** Drops every watched item whose session ended; returns how many were dropped. */
  sweep(): number {
    let dropped = 0;
    for (const item of [...this.watched]) {
      let live: boolean;
      try {
        live = this.deps.isLive(item);
      } catch (error) {
        // A failed read (database busy) is retried on the next sweep, never a crash from a timer.
        (this.deps.log ?? defaultLog)('checking an admin session failed', error);
        continue;
      }
      if (live) continue;
      this.unwatch(item);
      this.deps.drop(item);
      dropped += 1;
    }
    return dropped;
  }
}

const defaultLog = hubLogger.log;
