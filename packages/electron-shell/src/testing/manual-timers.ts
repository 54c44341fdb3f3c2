import type { Clock, TimerHandle, Timers } from '../timers.js';

/**
 * Hand-driven time for unit tests: a clock plus timers that fire only when the test
 * advances time, so backoff and debounce are tested without real sleeps.
 */
export class ManualTimers implements Timers {
  private nowMs = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  /** Delays passed to setTimeout, in call order (to check the backoff sequence). */
  readonly requestedDelays: number[] = [];

  readonly now: Clock = () => this.nowMs;

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.requestedDelays.push(delayMs);
    this.pending.set(id, { at: this.nowMs + delayMs, callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Moves time forward, firing due timers in order, and lets their promises settle. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= target)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.pending.delete(id);
      this.nowMs = timer.at;
      timer.callback();
      await settle();
    }
    this.nowMs = target;
    await settle();
  }
}

/** Lets pending promise callbacks (fake opens and writes) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
