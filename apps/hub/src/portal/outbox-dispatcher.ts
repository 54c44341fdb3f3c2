import type { Clock } from '../queue/ports.js';
import type { Outbox } from './ports.js';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './retry-delay.js';

/** What the dispatcher sends: a signed POST to a path on the portal. */
export interface OutboxPayload {
  path: string;
  body: unknown;
}

export type PortalSender = (path: string, body: unknown) => Promise<void>;

/** After the outbox itself failed (disk full), the next attempt comes this much later. */
const DATABASE_RETRY_MS = 5_000;

/**
 * Delivers the outbox to the portal strictly in order, one message at a time; a
 * failure holds the queue (so per-service order is kept) and retries with backoff.
 * Survives restarts: the outbox is in SQLite and delivery resumes from its head.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly send: () => PortalSender | null,
    private readonly clock: Clock,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly random: () => number = Math.random,
  ) {}

  /** Tries to deliver now (after an enqueue). */
  kick(): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.drain();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        if (this.stopped) return;
        const sender = this.send();
        const head = this.outbox.head();
        if (!sender || !head) return;
        const wait = head.nextAttemptAt - this.clock.now();
        if (wait > 0) return this.schedule(wait);
        const { path, body } = head.payload as OutboxPayload;
        let failure: unknown = null;
        try {
          await sender(path, body);
        } catch (error) {
          failure = error;
        }
        // The hub may have shut down (and closed the database) while the request was out.
        if (this.stopped) return;
        if (failure === null) {
          this.outbox.markDelivered(head.id, this.clock.now());
        } else {
          const delay = retryDelayMs(head.attempts, this.random, this.retry);
          this.outbox.markFailed(head.id, (failure as Error).message, this.clock.now() + delay);
          return this.schedule(delay);
        }
      }
    } catch {
      // A database error (a full disk refusing markDelivered or markFailed) must not end
      // the hub: `void drain()` would make it an unhandled rejection. The message is
      // still at the head of the outbox and goes again later (delivery is at least once).
      this.schedule(DATABASE_RETRY_MS);
    } finally {
      this.running = false;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }
}
