import type { PortalConfig } from '@layso/shared';
import type { Clock, QueueStore } from '../queue/ports.js';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import type { BookingService } from './booking-service.js';
import { OutboxDispatcher, type PortalSender } from './outbox-dispatcher.js';
import type { Outbox } from './ports.js';
import { PullPoller, type PortalGetter } from './pull-poller.js';
import type { RetryPolicy } from './retry-delay.js';
import { createSignedFetch } from './signed-fetch.js';
import { UpstreamStatusFeed } from './upstream-status-feed.js';

/**
 * Everything the hub sends to the provincial portal: upstream status (when a portal
 * url is configured), pull-mode polling, and the outbox that carries both. The
 * configuration is read on every use, so an admin change applies without a restart.
 */
export class PortalLink {
  private readonly dispatcher: OutboxDispatcher;
  private readonly feed: UpstreamStatusFeed;
  private readonly poller: PullPoller;
  private snapshotTimer: NodeJS.Timeout | null = null;

  constructor(deps: {
    core: QueueCore;
    bookings: BookingService;
    store: Pick<QueueStore, 'getMeta' | 'setMeta'>;
    outbox: Outbox;
    clock: Clock;
    publish(events: readonly QueueEvent[]): void;
    /** Backoff when the portal fails (tests shorten it). */
    retry?: RetryPolicy;
  }) {
    const config = (): PortalConfig => deps.core.config.portal;
    const client = () => {
      const { mode, url, secret } = config();
      if (mode === 'off' || !url || !secret) return null;
      return createSignedFetch({ baseUrl: url.replace(/\/$/, ''), secret, now: () => deps.clock.now() });
    };
    const sender = (): PortalSender | null => {
      const call = client();
      if (!call) return null;
      return async (path, body) => {
        const { status } = await call('POST', path, body);
        if (status < 200 || status >= 300) throw new Error(`portal answered ${status} to ${path}`);
      };
    };
    const getter = (): PortalGetter | null => {
      const call = client();
      if (!call || config().mode !== 'pull') return null;
      return async (path) => {
        const { status, json } = await call('GET', path);
        if (status !== 200) throw new Error(`portal answered ${status} to ${path}`);
        return json;
      };
    };
    this.dispatcher = new OutboxDispatcher(deps.outbox, sender, deps.clock, deps.retry);
    this.feed = new UpstreamStatusFeed(deps.core, deps.outbox, deps.clock, () => this.dispatcher.kick());
    this.poller = new PullPoller({
      core: deps.core,
      bookings: deps.bookings,
      meta: deps.store,
      outbox: deps.outbox,
      clock: deps.clock,
      get: getter,
      intervalMs: () => config().pollIntervalSec * 1000,
      publish: deps.publish,
      afterEnqueue: () => this.dispatcher.kick(),
      ...(deps.retry ? { retry: deps.retry } : {}),
    });
    this.enabled = () => client() !== null;
    this.snapshotEveryMs = () => config().snapshotIntervalSec * 1000;
  }

  private readonly enabled: () => boolean;
  private readonly snapshotEveryMs: () => number;

  start(): void {
    this.poller.start();
    this.dispatcher.kick();
    const snapshot = () => {
      if (this.enabled()) this.feed.enqueueSnapshot();
      this.snapshotTimer = setTimeout(snapshot, this.snapshotEveryMs());
      this.snapshotTimer.unref();
    };
    snapshot();
  }

  /** Committed queue events: status changes for the portal. */
  onEvents(events: readonly QueueEvent[]): void {
    if (this.enabled()) this.feed.onEvents(events);
  }

  stop(): void {
    this.poller.stop();
    this.dispatcher.stop();
    this.feed.stop();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
  }
}
