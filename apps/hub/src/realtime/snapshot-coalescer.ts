/** Starts a one-off timer; returns what cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

export const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  // A pending snapshot never keeps the process alive.
  timer.unref();
  return () => clearTimeout(timer);
};

export interface SnapshotCoalescerDeps {
  now(): number;
  schedule: Schedule;
  /** Whether everything sent to the socket so far has left the hub's buffers. */
  isFlushed(): boolean;
  /** Builds a fresh snapshot and sends it. */
  send(): void;
  intervalMs: number;
  /** How often a snapshot waiting for the socket to read its output looks again. */
  flushPollMs: number;
}

/**
 * One socket's snapshots: at most one in flight (sent and not yet taken by the network)
 * and at most one per `intervalMs`. A request while one is in flight or too recent is
 * merged into one pending snapshot, built when it is sent, so it covers every event up
 * to then: a screen that asked after a gap always gets a snapshot at least as new as
 * its request, and a socket asking flat out costs the hub one snapshot per interval.
 */
export class SnapshotCoalescer {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private cancelPending: (() => void) | null = null;
  private closed = false;

  constructor(private readonly deps: SnapshotCoalescerDeps) {}

  request(): void {
    if (this.closed || this.cancelPending) return;
    const wait = this.waitMs();
    if (wait <= 0) {
      this.lastSentAt = this.deps.now();
      this.deps.send();
      return;
    }
    this.cancelPending = this.deps.schedule(() => {
      this.cancelPending = null;
      this.request();
    }, wait);
  }

  /** Whether a snapshot is waiting to be sent. */
  get pending(): boolean {
    return this.cancelPending !== null;
  }

  /** The socket is gone: nothing pending is sent. */
  close(): void {
    this.closed = true;
    this.cancelPending?.();
    this.cancelPending = null;
  }

  private waitMs(): number {
    // The first snapshot (on connect) is never held: no snapshot is in flight before it,
    // whatever else (the connect acknowledgement) is still on its way.
    if (this.lastSentAt === Number.NEGATIVE_INFINITY) return 0;
    if (!this.deps.isFlushed()) return this.deps.flushPollMs;
    const now = this.deps.now();
    // A clock set back does not hold snapshots until it catches up.
    if (now < this.lastSentAt) return 0;
    return this.lastSentAt + this.deps.intervalMs - now;
  }
}
