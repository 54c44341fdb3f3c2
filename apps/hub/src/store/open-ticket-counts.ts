import type { OpenTicketFilter, TicketRecord } from '../queue/ports.js';

/** The fields of a ticket that decide whether and where it counts as open. */
export type CountedTicket = Pick<TicketRecord, 'id' | 'queueKey' | 'serviceId' | 'status' | 'priority' | 'deadline'>;

/** An open ticket's place in its service's queue. */
interface QueueEntry {
  queueKey: number;
  id: number;
  priority: boolean;
  waiting: boolean;
  deadline: number | null;
}

interface ServiceCounts {
  waitingNormal: number;
  waitingPriority: number;
  /** Deadlines of booked tickets, normal and priority (online bookings: a handful a day). */
  bookedNormal: number[];
  bookedPriority: number[];
  /**
   * The open tickets in queue order (queue key, then id), for "how many before this
   * one". New tickets take the highest key, so they are appended; calls take from the
   * front; a transfer lands near the front.
   */
  order: QueueEntry[];
}

type Change = { ticket: CountedTicket; delta: 1 | -1 };

/**
 * How many tickets are open in each service's queue, kept in memory so the waiting
 * count and a new ticket's "people ahead" cost no index scan: the hub asks for them
 * on every issue and every queue event, and a busy service holds hundreds of open
 * tickets. The store feeds it every ticket write. Changes are journaled so a rolled
 * back transaction (or savepoint) takes its changes back with it.
 */
export class OpenTicketCounts {
  private readonly services = new Map<string, ServiceCounts>();
  private readonly journal: Change[] = [];
  private depth = 0;

  /** Counts the open tickets already stored (at start). */
  load(tickets: Iterable<CountedTicket>): void {
    this.services.clear();
    for (const ticket of tickets) this.change(ticket, 1);
  }

  /** A ticket was written: `before` is its previous state (null for a new ticket). */
  record(before: CountedTicket | null, after: CountedTicket): void {
    if (before && sameCounting(before, after)) return;
    if (before) this.journaled(before, -1);
    this.journaled(after, 1);
  }

  /** Open tickets of a service as `filter` defines them, optionally only priority or only normal ones. */
  count(filter: OpenTicketFilter, priority?: boolean): number {
    const counts = this.services.get(filter.serviceId);
    if (!counts) return 0;
    const booked = (deadlines: number[]) => (filter.includeBooked ? deadlines.filter((d) => d > filter.now).length : 0);
    const normal = counts.waitingNormal + booked(counts.bookedNormal);
    const prioritized = counts.waitingPriority + booked(counts.bookedPriority);
    if (priority === undefined) return normal + prioritized;
    return priority ? prioritized : normal;
  }

  /**
   * Open tickets of a service ordered before (queueKey, id), as `filter` defines them,
   * optionally only priority or only normal ones: the SQL count it replaces, exactly.
   * Counts from whichever end of the queue is nearer, so a ticket near the front or
   * the back (nearly all lookups) costs a short scan whatever the queue's length.
   */
  countBefore(filter: OpenTicketFilter, queueKey: number, id: number, priority?: boolean): number {
    const counts = this.services.get(filter.serviceId);
    if (!counts) return 0;
    const order = counts.order;
    const at = lowerBound(order, queueKey, id);
    const matches = (entry: QueueEntry) =>
      (priority === undefined || entry.priority === priority) &&
      (entry.waiting || (filter.includeBooked && entry.deadline !== null && entry.deadline > filter.now));
    let n = 0;
    if (at <= order.length - at) {
      for (let i = 0; i < at; i += 1) if (matches(order[i]!)) n += 1;
      return n;
    }
    for (let i = at; i < order.length; i += 1) if (matches(order[i]!)) n += 1;
    return this.count(filter, priority) - n;
  }

  /** Runs `fn` as one (possibly nested) transaction of changes: if it throws, its changes are undone. */
  within<T>(fn: () => T): T {
    const mark = this.journal.length;
    this.depth += 1;
    try {
      return fn();
    } catch (error) {
      while (this.journal.length > mark) {
        const { ticket, delta } = this.journal.pop()!;
        this.change(ticket, delta === 1 ? -1 : 1);
      }
      throw error;
    } finally {
      this.depth -= 1;
      // The outermost transaction committed (or rolled back): nothing left to undo.
      if (this.depth === 0) this.journal.length = 0;
    }
  }

  private journaled(ticket: CountedTicket, delta: 1 | -1): void {
    if (!isOpen(ticket)) return;
    this.change(ticket, delta);
    if (this.depth > 0) this.journal.push({ ticket, delta });
  }

  private change(ticket: CountedTicket, delta: 1 | -1): void {
    if (!isOpen(ticket)) return;
    let counts = this.services.get(ticket.serviceId);
    if (!counts) {
      counts = { waitingNormal: 0, waitingPriority: 0, bookedNormal: [], bookedPriority: [], order: [] };
      this.services.set(ticket.serviceId, counts);
    }
    const priority = ticket.priority !== null;
    placeInOrder(counts.order, ticket, delta);
    if (ticket.status === 'waiting') {
      if (priority) counts.waitingPriority += delta;
      else counts.waitingNormal += delta;
      return;
    }
    const deadlines = priority ? counts.bookedPriority : counts.bookedNormal;
    // A booked ticket without a deadline is never counted (the SQL predicate needs deadline > now).
    const deadline = ticket.deadline ?? Number.NEGATIVE_INFINITY;
    if (delta === 1) deadlines.push(deadline);
    else {
      const at = deadlines.indexOf(deadline);
      if (at >= 0) deadlines.splice(at, 1);
    }
  }
}

/** Index of the first entry at or after (queueKey, id). */
function lowerBound(order: QueueEntry[], queueKey: number, id: number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const e = order[mid]!;
    if (e.queueKey < queueKey || (e.queueKey === queueKey && e.id < id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function placeInOrder(order: QueueEntry[], ticket: CountedTicket, delta: 1 | -1): void {
  const last = order[order.length - 1];
  if (delta === 1) {
    const entry: QueueEntry = { queueKey: ticket.queueKey, id: ticket.id, priority: ticket.priority !== null, waiting: ticket.status === 'waiting', deadline: ticket.deadline };
    // The common case, a new ticket: after everybody.
    if (!last || last.queueKey < ticket.queueKey || (last.queueKey === ticket.queueKey && last.id < ticket.id)) order.push(entry);
    else order.splice(lowerBound(order, ticket.queueKey, ticket.id), 0, entry);
    return;
  }
  const at = lowerBound(order, ticket.queueKey, ticket.id);
  if (order[at]?.id === ticket.id) order.splice(at, 1);
}

function isOpen(ticket: CountedTicket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'booked';
}

function sameCounting(a: CountedTicket, b: CountedTicket): boolean {
  return a.serviceId === b.serviceId && a.queueKey === b.queueKey && a.status === b.status && (a.priority !== null) === (b.priority !== null) && a.deadline === b.deadline;
}
