import { systemTimers, type TimerHandle, type Timers } from '@layso/electron-shell/serial';

/**
 * Real timers that can be held: while closed, due callbacks wait until open() instead
 * of running. An integration test holds the driver's reconnect retry until its own
 * end of the new pty is open, because serialport flushes a tty's input when opening
 * it, so bytes the driver resent a moment earlier would be lost and the test flaky.
 */
export class GatedTimers implements Timers {
  private closed = false;
  private held: (() => void)[] = [];

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    return systemTimers.setTimeout(() => {
      if (this.closed) this.held.push(callback);
      else callback();
    }, delayMs);
  }

  clearTimeout(handle: TimerHandle): void {
    systemTimers.clearTimeout(handle);
  }

  close(): void {
    this.closed = true;
  }

  /** How many due callbacks are waiting for open(). */
  get heldCount(): number {
    return this.held.length;
  }

  open(): void {
    this.closed = false;
    const held = this.held;
    this.held = [];
    for (const callback of held) callback();
  }
}
