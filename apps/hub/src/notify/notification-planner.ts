import type { BookingContact, CenterConfig, Channel, NotificationKind, NotifyConfig } from '@layso/shared';
import type { TicketRecord } from '../queue/ports.js';
import { messageTexts } from './message-text.js';
import type { NewNotification } from './ports.js';

export interface Recipients {
  /** The phone left on the ticket page, if any. */
  subscribedPhone: string | null;
  /** The online booking's contact (personal data from the portal), if any. */
  contact: BookingContact | null;
}

/** The dedupe key: one message per ticket, kind and channel, ever. */
export function dedupeKey(ticketId: number, kind: NotificationKind, channel: Channel): string {
  return `${ticketId}:${kind}:${channel}`;
}

/** Whether a channel can carry a kind under this configuration. */
export function channelReady(notify: NotifyConfig, channel: Channel, kind: NotificationKind): boolean {
  if (channel === 'zalo') return notify.zalo?.templates[kind] !== undefined;
  return notify[channel] !== undefined;
}

/**
 * The messages one ticket event should cause: which channel carries it to which
 * recipient, and the text for that channel. The booking confirmation goes to the
 * portal contact only; reminders and the expiry notice go to the phone the citizen
 * left on the ticket page (their explicit choice) or else the booking's phone, and
 * to the booking's e-mail.
 */
export function planMessages(config: CenterConfig, ticket: TicketRecord, kind: NotificationKind, recipients: Recipients, extra: { counter: number | null; ahead: number; estWaitMin?: number }): NewNotification[] {
  const notify = config.notify;
  const phone = kind === 'booking' ? (recipients.contact?.phone ?? null) : (recipients.subscribedPhone ?? recipients.contact?.phone ?? null);
  const email = recipients.contact?.email ?? null;
  const service = config.areas.flatMap((area) => area.services).find((s) => s.id === ticket.serviceId);
  const counter = extra.counter ?? config.counters.find((c) => c.serviceIds.includes(ticket.serviceId))?.number ?? Number(ticket.prefix);
  const texts = messageTexts(kind, { number: ticket.number, serviceName: service?.name ?? ticket.serviceId, timeZone: config.timeZone, counter, ahead: extra.ahead, ...(extra.estWaitMin === undefined ? {} : { estWaitMin: extra.estWaitMin }), deadline: ticket.deadline });
  const targets: [Channel, string | null][] = [
    [notify.phoneChannel, phone],
    ['email', email],
  ];
  return targets.flatMap(([channel, recipient]) =>
    recipient !== null && channelReady(notify, channel, kind)
      ? [{ ticketId: ticket.id, kind, channel, recipient, dedupeKey: dedupeKey(ticket.id, kind, channel), text: channel === 'sms' ? texts.sms : texts.rich, templateData: texts.templateData }]
      : [],
  );
}

/** Why a queued message must not go out any more, given its ticket's status now; null = send it. */
export function staleReason(kind: NotificationKind, status: TicketRecord['status'] | null): string | null {
  if (status === null) return 'ticket not found';
  const allowed: Record<NotificationKind, readonly string[]> = {
    booking: ['booked', 'waiting'],
    near: ['booked', 'waiting'],
    called: ['called'],
    expired: ['expired'],
  };
  return allowed[kind].includes(status) ? null : `ticket ${status}`;
}
