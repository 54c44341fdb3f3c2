import { PORTAL_PATHS, pendingBookingsResponseSchema, type BookingAck } from '@layso/shared';
import type { Clock, QueueStore } from '../queue/ports.js';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import { QueueError } from '../queue/queue-error.js';
import type { BookingService } from './booking-service.js';
import type { OutboxPayload } from './outbox-dispatcher.js';
import type { Outbox } from './ports.js';
import { retryDelayMs, type RetryPolicy } from './retry-delay.js';

export const CURSOR_META_KEY = 'portal.pull.cursor';

export type PortalGetter = (path: string) => Promise<unknown>;

/**
 * Pull mode, for portals that only queue requests: poll the portal's pending
 * bookings from a persisted cursor, allocate numbers, and acknowledge each booking
 * through the outbox. Allocation, the ack and the new cursor commit together, so a
 * crash or a duplicate or out-of-order delivery never allocates twice (bookings are
 * idempotent on their reference) and never loses one.
 */
export class PullPoller {
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly deps: {
      core: QueueCore;
      bookings: BookingService;
      meta: Pick<QueueStore, 'getMeta' | 'setMeta'>;
      outbox: Outbox;
      clock: Clock;
      get: () => PortalGetter | null;
      intervalMs: () => number;
      publish(events: readonly QueueEvent[]): void;
      afterEnqueue(): void;
      retry?: RetryPolicy;
      random?: () => number;
    },
  ) {}

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One poll: returns how many bookings were received. Throws when the portal fails. */
  async pollOnce(): Promise<number> {
    const get = this.deps.get();
    if (!get) return 0;
    const cursor = this.deps.meta.getMeta(CURSOR_META_KEY) ?? '';
    const raw = await get(`${PORTAL_PATHS.pendingBookings}?cursor=${encodeURIComponent(cursor)}`);
    if (this.stopped) return 0;
    const page = pendingBookingsResponseSchema.parse(raw);
    const events: QueueEvent[] = [];
    this.deps.core.inOneCommit(() => {
      for (const request of page.bookings) {
        let ack: BookingAck;
        try {
          const outcome = this.deps.bookings.book(request);
          events.push(...outcome.events);
          ack = { accepted: true, ...outcome.value };
        } catch (error) {
          if (!(error instanceof QueueError)) throw error;
          ack = { accepted: false, bookingRef: request.bookingRef, error: { code: error.code, message: error.message } };
        }
        const payload: OutboxPayload = { path: PORTAL_PATHS.bookingAck(request.bookingRef), body: ack };
        this.deps.outbox.enqueue('booking-ack', payload, this.deps.clock.now(), request.bookingRef);
      }
      this.deps.meta.setMeta(CURSOR_META_KEY, page.cursor);
    });
    this.deps.publish(events);
    if (page.bookings.length > 0) this.deps.afterEnqueue();
    return page.bookings.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pollOnce().then(
        (received) => {
          this.failures = 0;
          // A full page likely means more are waiting: poll again at once.
          this.schedule(received > 0 ? 0 : this.deps.intervalMs());
        },
        () => {
          this.failures += 1;
          this.schedule(retryDelayMs(this.failures - 1, this.deps.random, this.deps.retry));
        },
      );
    }, delayMs);
    this.timer.unref();
  }
}
