import { CHANNELS, type Channel } from '@layso/shared';
import type { Clock } from '../queue/ports.js';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from '../portal/retry-delay.js';
import type { SqliteNotificationStore } from './sqlite-notification-store.js';
import { maskRecipient } from './mask-recipient.js';
import type { ChannelAdapter, StoredNotification } from './ports.js';
import { TokenBucket } from './token-bucket.js';

export interface DispatcherDeps {
  store: SqliteNotificationStore;
  clock: Clock;
  /** The adapter for a channel as configured now; null when the channel is not configured. */
  adapter(channel: Channel): ChannelAdapter | null;
  /** Messages per minute allowed on a channel. */
  ratePerMinute(channel: Channel): number;
  maxAttempts(): number;
  /** Why a message must not go out any more (its ticket finished), or null. */
  stale(message: StoredNotification): string | null;
  log(message: string, error?: unknown): void;
  retry?: RetryPolicy;
  random?: () => number;
}

/**
 * Sends the notification outbox, one independent worker per channel: unlike the
 * portal outbox (strictly ordered), a message that fails only delays itself (its own
 * backoff), and an SMS gateway outage never holds back e-mail or Zalo. Delivery is
 * at least once — a message in flight when the hub stops is sent again after the
 * restart with the same dedupe key, which the peer sees as tracking id / Message-ID.
 */
export class NotificationDispatcher {
  private readonly workers: Map<Channel, ChannelWorker>;
  private readonly abort = new AbortController();

  constructor(deps: DispatcherDeps) {
    this.workers = new Map(CHANNELS.map((channel) => [channel, new ChannelWorker(channel, deps, this.abort.signal)]));
  }

  /** Looks for due messages now (after an enqueue, or at start). */
  kick(): void {
    for (const worker of this.workers.values()) worker.kick();
  }

  /** Stops every worker and aborts requests in flight; nothing touches the database after this. */
  stop(): void {
    this.abort.abort(new Error('hub stopping'));
    for (const worker of this.workers.values()) worker.stop();
  }
}

class ChannelWorker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private bucket: { perMinute: number; bucket: TokenBucket } | null = null;

  constructor(
    private readonly channel: Channel,
    private readonly deps: DispatcherDeps,
    private readonly signal: AbortSignal,
  ) {}

  kick(): void {
    if (this.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.drain();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private tokens(): TokenBucket {
    const perMinute = this.deps.ratePerMinute(this.channel);
    if (this.bucket?.perMinute !== perMinute) {
      // A small burst: a few messages at once are fine, a flood after an outage is not.
      this.bucket = { perMinute, bucket: new TokenBucket(perMinute, Math.max(1, Math.min(5, Math.floor(perMinute / 10))), () => this.deps.clock.now()) };
    }
    return this.bucket.bucket;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        this.again = false;
        if (this.signal.aborted) return;
        const adapter = this.deps.adapter(this.channel);
        if (!adapter) return;
        const message = this.deps.store.nextDue(this.channel, this.deps.clock.now());
        if (!message) {
          const next = this.deps.store.nextAttemptAt(this.channel);
          if (next !== null) this.schedule(next - this.deps.clock.now());
          return;
        }
        const stale = this.deps.stale(message);
        if (stale) {
          this.deps.store.cancel(message.id, stale);
          this.deps.log(`notify: ${this.describe(message)} cancelled (${stale})`);
          continue;
        }
        const wait = this.tokens().take();
        if (wait > 0) return this.schedule(wait);
        await this.deliver(adapter, message);
        if (this.signal.aborted) return;
      }
    } catch (error) {
      // A database error must not kill the worker for good: try again later.
      if (!this.signal.aborted) {
        this.deps.log(`notify: ${this.channel} worker failed`, error);
        this.schedule(5_000);
      }
    } finally {
      this.running = false;
      if (this.again && !this.signal.aborted) this.kick();
    }
  }

  private async deliver(adapter: ChannelAdapter, message: StoredNotification): Promise<void> {
    let failure: unknown = null;
    try {
      await adapter.send(message, this.signal);
    } catch (error) {
      failure = error;
    }
    // The hub may have stopped (and closed the database) while the request was out.
    if (this.signal.aborted) return;
    const now = this.deps.clock.now();
    if (failure === null) {
      this.deps.store.markSent(message.id, now);
      this.deps.log(`notify: ${this.describe(message)} sent`);
      return;
    }
    const reason = failure instanceof Error ? failure.message : String(failure);
    if (message.attempts + 1 >= this.deps.maxAttempts()) {
      this.deps.store.markFailed(message.id, reason);
      this.deps.log(`notify: ${this.describe(message)} failed for good after ${message.attempts + 1} attempts: ${reason}`);
      return;
    }
    const delay = retryDelayMs(message.attempts, this.deps.random ?? Math.random, this.deps.retry ?? DEFAULT_RETRY);
    this.deps.store.markRetry(message.id, reason, now + delay);
    this.deps.log(`notify: ${this.describe(message)} attempt ${message.attempts + 1} failed, retrying in ${delay} ms: ${reason}`);
  }

  /** Log wording: never the full phone number or address. */
  private describe(message: StoredNotification): string {
    return `${message.kind} #${message.id} by ${message.channel} to ${maskRecipient(message.recipient)}`;
  }

  private schedule(delayMs: number): void {
    if (this.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.drain();
      },
      Math.max(0, delayMs),
    );
    this.timer.unref();
  }
}
