import type { BookingContact } from '@layso/shared';

/** Personal data of bookings, kept apart from tickets so it can be purged on schedule. */
export interface BookingContactStore {
  save(ticketId: number, contact: BookingContact, at: number): void;
  get(ticketId: number): BookingContact | null;
  /** Deletes contacts created before `cutoff`; returns how many. */
  purgeCreatedBefore(cutoff: number): number;
}

/** Accepted request signatures, to refuse replays. */
export interface SignatureLedger {
  /** Records a signature; false when it was seen before (a replay). */
  remember(signature: string, at: number): boolean;
  forgetBefore(cutoff: number): void;
}

export interface OutboxMessage {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
  nextAttemptAt: number;
}

/** Durable queue of messages to the portal, delivered in id order. */
export interface Outbox {
  /** Adds a message, or replaces the payload of the undelivered one with the same topic and key. */
  enqueue(topic: string, payload: unknown, at: number, coalesceKey?: string): void;
  /** The oldest undelivered message, due or not (delivery is strictly in order). */
  head(): OutboxMessage | null;
  markDelivered(id: number, at: number): void;
  markFailed(id: number, error: string, nextAttemptAt: number): void;
  pendingCount(): number;
}
