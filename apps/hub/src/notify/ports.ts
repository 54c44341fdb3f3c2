import type { Channel, NotificationKind } from '@layso/shared';

/** What a channel adapter needs to send one message; built when the message is queued. */
export interface OutgoingMessage {
  /** `ticketId:kind:channel`: the idempotency key sent with the message (tracking id, Message-ID). */
  dedupeKey: string;
  kind: NotificationKind;
  /** Phone (0xxxxxxxxx) or e-mail address. */
  recipient: string;
  /** The text for this channel: unaccented ≤ 160 characters for SMS, accented otherwise. */
  text: string;
  /** Values for Zalo ZNS templates. */
  templateData: Record<string, string>;
}

/** One channel behind the port: resolves when the peer accepted the message, throws otherwise. */
export interface ChannelAdapter {
  readonly channel: Channel;
  send(message: OutgoingMessage, signal: AbortSignal): Promise<void>;
}

/** A queued message as the dispatcher sees it. */
export interface StoredNotification extends OutgoingMessage {
  id: number;
  ticketId: number;
  channel: Channel;
  attempts: number;
  nextAttemptAt: number;
}

export interface NewNotification extends OutgoingMessage {
  ticketId: number;
  channel: Channel;
}
