import type { BookingContact } from '@layso/shared';

/** Personal data of bookings, kept apart from tickets so it can be purged on schedule. */
/** What is stored of a booking's contact: the clear citizen ID never is. */
export type StoredBookingContact = Omit<BookingContact, 'citizenId'>;

export interface BookingContactStore {
  /** `citizenIdHash`: HMAC of the citizen ID with `citizenIdKey()`, or null. */
  save(ticketId: number, contact: StoredBookingContact, at: number, citizenIdHash?: string | null): void;
  get(ticketId: number): StoredBookingContact | null;
  /** Tickets whose booking carries this citizen ID hash, oldest first. */
  ticketIdsByCitizenIdHash(hash: string): number[];
  /** The hub's matching key (64 hex digits), made on first use and kept. */
  citizenIdKey(): string;
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
