import { ErrorCode, type Channel, type NotificationKind, type NotificationView, type ReminderStatus } from '@layso/shared';
import type { BookingContactStore } from '../portal/ports.js';
import type { RetryPolicy } from '../portal/retry-delay.js';
import type { Clock, TicketRecord } from '../queue/ports.js';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import { QueueError } from '../queue/queue-error.js';
import type { SqliteNotificationStore } from './sqlite-notification-store.js';
import { createDemoChannelAdapter } from './demo-channel-adapter.js';
import { createEmailAdapter } from './email-adapter.js';
import { maskRecipient } from './mask-recipient.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { channelReady, planMessages, staleReason } from './notification-planner.js';
import type { ChannelAdapter } from './ports.js';
import { createSmsGatewayAdapter } from './sms-gateway-adapter.js';
import { createZaloZnsAdapter, type ZaloTokens } from './zalo-zns-adapter.js';

export interface NotificationServiceDeps {
  core: QueueCore;
  store: SqliteNotificationStore;
  contacts: BookingContactStore;
  clock: Clock;
  log(message: string, error?: unknown): void;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
}

const DAY_MS = 86_400_000;
const OPEN = new Set(['booked', 'waiting']);

/**
 * Citizen notifications: turns committed queue events into outbox rows (durable,
 * deduplicated) and keeps the dispatcher sending them. Called from the hub's
 * `publish`, after the commit, like the realtime gateway and the portal link.
 */
export class NotificationService {
  private readonly dispatcher: NotificationDispatcher;
  private adapters = new Map<Channel, { key: string; adapter: ChannelAdapter & { close?(): void } }>();

  constructor(private readonly deps: NotificationServiceDeps) {
    this.dispatcher = new NotificationDispatcher({
      store: deps.store,
      clock: deps.clock,
      adapter: (channel) => this.adapter(channel),
      ratePerMinute: (channel) => deps.core.config.notify[channel]?.ratePerMinute ?? 60,
      maxAttempts: () => deps.core.config.notify.maxAttempts,
      stale: (message) => staleReason(message.kind, deps.core.getTicket(message.ticketId)?.status ?? null),
      log: deps.log,
      ...(deps.retry ? { retry: deps.retry } : {}),
    });
  }

  start(): void {
    this.deps.store.cancelForFinishedTickets();
    this.dispatcher.kick();
  }

  stop(): void {
    this.dispatcher.stop();
    for (const { adapter } of this.adapters.values()) adapter.close?.();
  }

  onEvents(events: readonly QueueEvent[]): void {
    let queued = false;
    for (const event of events) {
      if (event.type === 'ticket-called') queued = this.plan(event.ticket, 'called', event.counter) || queued;
      if (event.type === 'queue-changed') queued = this.remindNear(event.serviceId) || queued;
      if (event.type === 'booking-changed' && event.ticket.status === 'booked') queued = this.plan(event.ticket, 'booking', null) || queued;
      if (event.type === 'booking-changed' && event.ticket.status === 'expired') queued = this.plan(event.ticket, 'expired', null) || queued;
    }
    const cancelled = events.length > 0 ? this.deps.store.cancelForFinishedTickets() : 0;
    if (queued || cancelled > 0) this.dispatcher.kick();
  }

  /** "Báo cho tôi khi sắp đến lượt": the citizen leaves a phone number for an open ticket. */
  subscribe(day: string, number: string, phone: string): void {
    const ticket = this.deps.core.findTicket(day, number);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `no ticket ${number} on ${day}`);
    if (!OPEN.has(ticket.status)) throw new QueueError(ErrorCode.CONFLICT, `ticket ${number} is ${ticket.status}`);
    // A number taken with no channel to carry the reminder would be a promise nobody keeps.
    if (this.reminderOffer() === null) throw new QueueError(ErrorCode.CONFLICT, 'no reminder channel is configured at this center');
    this.deps.store.subscribe(ticket.id, phone, this.deps.clock.now());
    this.deps.log(`notify: ticket ${number} subscribed ${maskRecipient(phone)}`);
    // Already close to the front: the reminder goes at once.
    if (this.remindNear(ticket.serviceId)) this.dispatcher.kick();
  }

  /** What the ticket page may offer, and what this ticket already has (masked). */
  reminderStatus(day: string, number: string): ReminderStatus {
    const ticket = this.deps.core.findTicket(day, number);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `no ticket ${number} on ${day}`);
    const offer = this.reminderOffer();
    const phone = this.deps.store.subscription(ticket.id);
    return { offer, registered: phone === null ? null : { channel: this.deps.core.config.notify.phoneChannel, phone: maskRecipient(phone) } };
  }

  /** Reminders by phone only through the configured phone channel, kept as long as booking contacts. */
  private reminderOffer(): ReminderStatus['offer'] {
    const { notify, online } = this.deps.core.config;
    if (!channelReady(notify, notify.phoneChannel, 'near')) return null;
    return { channel: notify.phoneChannel, remindAhead: notify.remindAhead, keepDays: online.personalDataDays };
  }

  list(ticketId: number | null): NotificationView[] {
    return this.deps.store.list(ticketId).map((row) => ({
      ...row,
      recipient: maskRecipient(row.recipient),
      createdAt: new Date(row.createdAt).toISOString(),
      sentAt: row.sentAt === null ? null : new Date(row.sentAt).toISOString(),
    }));
  }

  /** Subscriptions and recipients are personal data, kept as long as booking contacts. */
  purgePersonalData(): number {
    return this.deps.store.purgeCreatedBefore(this.deps.core.personalDataCutoff());
  }

  private remindNear(serviceId: string): boolean {
    const limit = this.deps.core.config.notify.remindAhead;
    let queued = false;
    // Tickets live one service day: older subscriptions cannot be open any more.
    for (const id of this.deps.store.subscribedOpenTickets(serviceId, this.deps.clock.now() - DAY_MS)) {
      const ticket = this.deps.core.getTicket(id);
      if (!ticket || !OPEN.has(ticket.status)) continue;
      const ahead = this.deps.core.ahead(ticket);
      if (ahead <= limit) queued = this.plan(ticket, 'near', null, ahead, this.deps.core.estimate(ticket.serviceId, ahead, ticket)) || queued;
    }
    return queued;
  }

  private plan(ticket: TicketRecord, kind: NotificationKind, counter: number | null, ahead = 0, estWaitMin?: number): boolean {
    const recipients = { subscribedPhone: this.deps.store.subscription(ticket.id), contact: this.deps.contacts.get(ticket.id) };
    if (recipients.subscribedPhone === null && recipients.contact === null) return false;
    const messages = planMessages(this.deps.core.config, ticket, kind, recipients, { counter, ahead, ...(estWaitMin === undefined ? {} : { estWaitMin }) });
    const now = this.deps.clock.now();
    return messages.map((message) => this.deps.store.enqueue(message, now)).some(Boolean);
  }

  /** Adapters follow the configuration: rebuilt when the channel's settings change. */
  private adapter(channel: Channel): ChannelAdapter | null {
    const config = this.deps.core.config.notify[channel];
    if (!config) return null;
    const key = JSON.stringify(config);
    const cached = this.adapters.get(channel);
    if (cached?.key === key) return cached.adapter;
    cached?.adapter.close?.();
    const doFetch = this.deps.fetch ?? fetch;
    const adapter =
      channel === 'demo'
        ? createDemoChannelAdapter((message) => this.deps.log(message))
        : channel === 'sms'
        ? createSmsGatewayAdapter(this.deps.core.config.notify.sms!, doFetch)
        : channel === 'email'
          ? createEmailAdapter(this.deps.core.config.notify.email!)
          : createZaloZnsAdapter(
              this.deps.core.config.notify.zalo!,
              {
                get: () => this.deps.store.getToken<ZaloTokens>('zalo'),
                set: (tokens) => this.deps.store.setToken('zalo', tokens, this.deps.clock.now()),
              },
              doFetch,
            );
    this.adapters.set(channel, { key, adapter });
    return adapter;
  }
}
