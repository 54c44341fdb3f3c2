import type { CenterConfig, CounterStatus, TicketStatus } from '@layso/shared';

/** Where the core gets the time; tests drive it by hand. */
export interface Clock {
  now(): number;
}

export type TicketSource = 'kiosk' | 'portal' | 'admin';

export interface TicketRecord {
  id: number;
  day: string;
  number: string;
  prefix: string;
  seq: number;
  serviceId: string;
  originalServiceId: string;
  status: TicketStatus;
  priority: string | null;
  source: TicketSource;
  queueKey: number;
  deviceId: number | null;
  requestId: string | null;
  issuedAt: number;
  calledAt: number | null;
  firstCalledAt: number | null;
  finishedAt: number | null;
  counter: number | null;
  clerk: string | null;
  recalls: number;
  deadline: number | null;
  bookingRef: string | null;
  transferredFrom: string | null;
}

export type NewTicket = Omit<TicketRecord, 'id' | 'queueKey' | 'calledAt' | 'firstCalledAt' | 'finishedAt' | 'counter' | 'clerk' | 'recalls' | 'transferredFrom'>;

export type TicketPatch = Partial<Pick<TicketRecord, 'status' | 'serviceId' | 'queueKey' | 'calledAt' | 'firstCalledAt' | 'finishedAt' | 'counter' | 'clerk' | 'recalls' | 'transferredFrom' | 'deadline'>>;

export interface CounterStateRecord {
  number: number;
  status: CounterStatus;
  currentTicketId: number | null;
  normalStreak: number;
}

/**
 * Spacing between the queue keys of consecutive new tickets (a new ticket's key is its
 * id times this): a transfer takes the key just below the target queue's head without
 * renumbering anybody.
 */
export const QUEUE_KEY_STEP = 1024;

/** What a new ticket is when stored with `id`: in the queue at its id's key, nothing called or finished yet. */
export function newTicketRecord(ticket: NewTicket, id: number): TicketRecord {
  return {
    ...ticket,
    id,
    queueKey: id * QUEUE_KEY_STEP,
    calledAt: null,
    firstCalledAt: null,
    finishedAt: null,
    counter: null,
    clerk: null,
    recalls: 0,
    transferredFrom: null,
  };
}

/** Open tickets (booked or waiting) are the ones still in a queue. */
export function isOpenTicket(ticket: Pick<TicketRecord, 'status'>): boolean {
  return ticket.status === 'booked' || ticket.status === 'waiting';
}

/** Which open tickets a queue query may return. */
export interface OpenTicketFilter {
  serviceId: string;
  /** Include `booked` tickets whose deadline is after `now` (online check-in not required). */
  includeBooked: boolean;
  now: number;
}

/**
 * Everything the queue core needs from storage. Implementations must make
 * `transaction` atomic and durable on return, and nest (an inner failure rolls back
 * only the inner part).
 */
export interface QueueStore {
  transaction<T>(fn: () => T): T;

  loadConfig(): CenterConfig | null;
  saveConfig(config: CenterConfig, at: number): void;

  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;

  /** Returns the last sequence used for this prefix today (0 if none). */
  lastSeq(day: string, prefix: string): number;
  setLastSeq(day: string, prefix: string, seq: number): void;
  /** The highest sequence among the tickets stored for this day and prefix (0 if none). */
  highestSeq(day: string, prefix: string): number;

  insertTicket(ticket: NewTicket): TicketRecord;
  getTicket(id: number): TicketRecord | null;
  getTicketByNumber(day: string, number: string): TicketRecord | null;
  getTicketByRequest(deviceId: number, requestId: string): TicketRecord | null;
  getTicketByBookingRef(bookingRef: string): TicketRecord | null;
  updateTicket(id: number, patch: TicketPatch): void;
  addTicketEvent(event: { ticketId: number; at: number; kind: string; serviceId: string; counter: number | null; clerk: string | null }): void;
  /** A ticket's history, oldest first. */
  ticketEvents(ticketId: number): TicketEventRecord[];
  /** Events logged by a counter after event `afterId` (did the counter move on?). */
  countCounterEventsAfter(counter: number, afterId: number): number;

  /** First open ticket of a service in queue order, priority or normal. */
  queueHead(filter: OpenTicketFilter, priority: boolean): TicketRecord | null;
  /** Smallest queue key among the service's open tickets, or null. */
  minQueueKey(serviceId: string): number | null;
  countOpen(filter: OpenTicketFilter, priority?: boolean): number;
  /** Open tickets ordered before (queueKey, id) in the service's queue. */
  countOpenBefore(filter: OpenTicketFilter, queueKey: number, id: number, priority?: boolean): number;
  /** Open tickets in queue order; `priority` keeps only priority (true) or only normal (false) ones. */
  listOpen(filter: OpenTicketFilter, limit: number, priority?: boolean): TicketRecord[];

  /** Unfinished tickets (booked, waiting, called) of every day but `day` (earlier days, and later ones a clock that ran ahead left behind). */
  listUnfinishedOtherThan(day: string): TicketRecord[];
  /** Expired tickets of `day` whose `finishedAt` is after `at` (expired by a clock that ran ahead). */
  listExpiredAfter(day: string, at: number): TicketRecord[];
  /** Booked tickets whose deadline is at or before `now`. */
  listBookedPastDeadline(now: number): TicketRecord[];

  /** Durations (ms) of the last `limit` done tickets of a service on `day`. */
  recentServiceDurations(serviceId: string, day: string, limit: number): number[];
  counterDayStats(counter: number, day: string): { served: number; avgServiceMs: number | null };
  recentCalls(day: string, limit: number): TicketRecord[];

  getCounterState(number: number): CounterStateRecord | null;
  saveCounterState(state: CounterStateRecord, at: number): void;

  getServiceCurrent(serviceId: string, day: string): string | null;
  setServiceCurrent(serviceId: string, day: string, number: string): void;

  getCommandResult(deviceId: number, requestId: string): string | null;
  saveCommandResult(deviceId: number, requestId: string, resultJson: string, at: number): void;
}

/** One line of a ticket's history (ticket_events). */
export interface TicketEventRecord {
  id: number;
  ticketId: number;
  at: number;
  kind: string;
  serviceId: string;
  counter: number | null;
  clerk: string | null;
}
