import { PORTAL_PATHS, type BookingStatusPush, type ServiceStatusPush } from '@layso/shared';
import type { Clock } from '../queue/ports.js';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import type { OutboxPayload } from './outbox-dispatcher.js';
import type { Outbox } from './ports.js';

/**
 * Tells the portal what changed: each service's current transaction and waiting
 * count (coalesced: at most one push per service per second), every online booking's
 * status, and a full snapshot periodically. Everything goes through the durable outbox.
 */
export class UpstreamStatusFeed {
  private readonly changed = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: QueueCore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly afterEnqueue: () => void,
    private readonly coalesceMs = 1_000,
  ) {}

  onEvents(events: readonly QueueEvent[]): void {
    let enqueued = false;
    for (const event of events) {
      if (event.type === 'queue-changed') this.changed.add(event.serviceId);
      else if (event.type === 'day-changed' || event.type === 'catalog-changed') this.enqueueSnapshot();
      else if (event.type === 'booking-changed' && event.ticket.bookingRef) {
        const { ticket } = event;
        const body: BookingStatusPush = {
          bookingRef: ticket.bookingRef!,
          number: ticket.number,
          day: ticket.day,
          status: ticket.status,
          at: new Date(this.clock.now()).toISOString(),
        };
        this.outbox.enqueue('booking-status', { path: PORTAL_PATHS.bookingStatus, body } satisfies OutboxPayload, this.clock.now(), ticket.bookingRef!);
        enqueued = true;
      }
    }
    if (enqueued) this.afterEnqueue();
    if (this.changed.size > 0 && !this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), this.coalesceMs);
      this.flushTimer.unref();
    }
  }

  /** Enqueues one push per changed service; a push still waiting for the same service is replaced. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.changed.size === 0) return;
    const ids = [...this.changed].filter((id) => this.core.hasService(id));
    this.changed.clear();
    this.core.inOneCommit(() => {
      for (const serviceId of ids) {
        this.outbox.enqueue('service-status', { path: PORTAL_PATHS.serviceStatus, body: this.statusBody([serviceId], false) } satisfies OutboxPayload, this.clock.now(), serviceId);
      }
    });
    this.afterEnqueue();
  }

  enqueueSnapshot(): void {
    const ids = this.core.config.areas.flatMap((a) => a.services.map((s) => s.id));
    this.outbox.enqueue('service-status', { path: PORTAL_PATHS.serviceStatus, body: this.statusBody(ids, true) } satisfies OutboxPayload, this.clock.now(), '*snapshot*');
    this.afterEnqueue();
  }

  stop(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  private statusBody(serviceIds: string[], snapshot: boolean): ServiceStatusPush {
    return {
      day: this.core.currentDay,
      at: new Date(this.clock.now()).toISOString(),
      snapshot,
      services: serviceIds.map((serviceId) => {
        const { current, waiting, estWaitMin } = this.core.views.serviceStatus(serviceId);
        return { serviceId, current, waiting, estWaitMin };
      }),
    };
  }
}
