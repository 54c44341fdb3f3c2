import {
  citizenIdHash,
  bookingEmailText,
  bookingSmsText,
  ErrorCode,
  type CheckInRequest,
  type IdCheckInRequest,
  type IssuedTicket,
  type PortalBooking,
  type PortalBookingRequest,
  type PortalCatalog,
} from '@layso/shared';
import type { Clock, TicketRecord } from '../queue/ports.js';
import type { Outcome, QueueCore } from '../queue/queue-core.js';
import { QueueError } from '../queue/queue-error.js';
import type { BookingContactStore } from './ports.js';

/**
 * Online bookings: the portal books a number in the service's own sequence, with an
 * arrival deadline; the citizen checks in at a kiosk (or just comes, when check-in is
 * not required). Contact data is stored apart and purged after the configured days.
 */
export class BookingService {
  constructor(
    private readonly core: QueueCore,
    private readonly contacts: BookingContactStore,
    private readonly clock: Clock,
    /** Today's online bookings of a service, for its `onlineQuota`; without it no quota is enforced. */
    private readonly onlineBookingsToday?: (serviceId: string) => number,
  ) {}

  /**
   * Deadline = now + max(minimum window, estimated wait of the new ticket's place),
   * never past the closing time of the current opening interval.
   */
  deadlineFor(serviceId: string, now: number): number {
    const { waiting } = this.core.views.serviceStatus(serviceId);
    const minutes = Math.max(this.core.config.online.windowMin, this.core.estimate(serviceId, waiting));
    const closes = this.core.closesAt(now);
    const deadline = now + minutes * 60_000;
    return closes === null ? deadline : Math.min(deadline, closes);
  }

  book(request: PortalBookingRequest): Outcome<PortalBooking> {
    const existing = this.core.findTicketByBookingRef(request.bookingRef);
    if (existing) {
      if (existing.originalServiceId !== request.serviceId) {
        throw new QueueError(ErrorCode.CONFLICT, `booking ${request.bookingRef} was made for another service`);
      }
      return { value: this.view(existing), events: [] };
    }
    const now = this.clock.now();
    // The core checks the service, opening hours and the daily limit; validate the
    // service first so an unknown one is NOT_FOUND rather than a deadline error.
    this.core.views.serviceStatus(request.serviceId);
    const deadline = this.deadlineFor(request.serviceId, now);
    return this.core.inOneCommit(() => {
      this.assertOnlineQuota(request.serviceId);
      const outcome = this.core.book({ serviceId: request.serviceId, bookingRef: request.bookingRef, deadline });
      // The clear ID stops here: only its keyed hash is stored (Decree 13/2023).
      const { citizenId, ...contact } = request.contact;
      const idHash = citizenId ? citizenIdHash(this.contacts.citizenIdKey(), citizenId) : null;
      this.contacts.save(outcome.value.id, contact, now, idHash);
      return { value: this.view(outcome.value), events: outcome.events };
    });
  }

  get(bookingRef: string): PortalBooking {
    return this.view(this.requireBooking(bookingRef));
  }

  /** Cancelling twice is fine; cancelling a ticket already called or finished is a conflict. */
  cancel(bookingRef: string): Outcome<PortalBooking> {
    const ticket = this.requireBooking(bookingRef);
    if (ticket.status === 'cancelled') return { value: this.view(ticket), events: [] };
    const outcome = this.core.cancel(ticket.id);
    return { value: this.view(outcome.value), events: outcome.events };
  }

  /**
   * A booked citizen at the kiosk. Any mismatch (unknown number, wrong digits, not an
   * online ticket) gets the same answer, so the kiosk cannot be used to probe numbers.
   */
  checkIn(request: CheckInRequest): Outcome<IssuedTicket> {
    const ticket = this.core.findTicket(this.core.currentDay, request.number);
    if (!ticket || ticket.source !== 'portal' || !this.codeMatches(ticket, request)) {
      throw new QueueError(ErrorCode.NOT_FOUND, 'no online booking matches this number and code');
    }
    if (ticket.status === 'expired' || ticket.status === 'cancelled') {
      throw new QueueError(ErrorCode.CONFLICT, `booking ${ticket.number} is ${ticket.status}; please take a new number`);
    }
    if (ticket.status !== 'booked') {
      // Already checked in (a retry after a lost answer, or a reprint): same ticket again.
      return { value: this.core.views.issuedView(ticket), events: [] };
    }
    const outcome = this.core.checkIn(ticket.id);
    return { value: this.core.views.issuedView(outcome.value), events: outcome.events };
  }

  /** The matching key the kiosk hashes a scanned CCCD number with (citizenIdHash). */
  citizenIdKey(): string {
    return this.contacts.citizenIdKey();
  }

  /**
   * A citizen scanned their CCCD at the kiosk: today's online booking carrying this ID hash is
   * checked in, like a check-in by code. No booking today gets NOT_FOUND (the kiosk then goes on
   * to the priority or normal choice); an expired or cancelled one gets CONFLICT.
   */
  checkInByCitizenId(request: IdCheckInRequest): Outcome<IssuedTicket> {
    const today = this.core.currentDay;
    const tickets = this.contacts
      .ticketIdsByCitizenIdHash(request.citizenIdHash)
      .map((id) => this.core.getTicket(id))
      .filter((t): t is TicketRecord => t !== null && t.day === today && t.source === 'portal');
    // Several bookings today (two services): check in the first still booked; a repeat scan
    // after all are checked in gets the first ticket again (a lost answer, a reprint).
    const booked = tickets.find((t) => t.status === 'booked');
    const live = tickets.find((t) => t.status !== 'expired' && t.status !== 'cancelled');
    if (!booked && !live) {
      if (tickets.length === 0) throw new QueueError(ErrorCode.NOT_FOUND, 'no online booking today for this card');
      throw new QueueError(ErrorCode.CONFLICT, `booking ${tickets[0]!.number} is ${tickets[0]!.status}; please take a new number`);
    }
    if (!booked) return { value: this.core.views.issuedView(live!), events: [] };
    const outcome = this.core.checkIn(booked.id);
    return { value: this.core.views.issuedView(outcome.value), events: outcome.events };
  }

  /** Deletes booking contacts older than the retention period; returns how many. */
  purgePersonalData(): number {
    const cutoff = this.core.personalDataCutoff();
    return this.core.inOneCommit(() => this.contacts.purgeCreatedBefore(cutoff));
  }

  catalog(): PortalCatalog {
    const catalog = this.core.views.catalog();
    return {
      day: catalog.day,
      open: catalog.open,
      areas: catalog.areas.map((area) => ({
        id: area.id,
        name: area.name,
        services: area.services.map((s) => ({
          id: s.id,
          name: s.name,
          prefix: s.prefix,
          current: s.current,
          waiting: s.waiting,
          estWaitMin: s.estWaitMin,
          acceptingBookings: catalog.open && s.active && !s.full && !s.paused && !this.quotaReached(s.id),
        })),
      })),
    };
  }

  /** The service's online quota: walk-in tickets still use the rest of the daily limit. */
  private quotaReached(serviceId: string): boolean {
    const quota = this.core.config.areas.flatMap((a) => a.services).find((s) => s.id === serviceId)?.onlineQuota;
    return quota !== undefined && this.onlineBookingsToday !== undefined && this.onlineBookingsToday(serviceId) >= quota;
  }

  private assertOnlineQuota(serviceId: string): void {
    if (this.quotaReached(serviceId)) {
      throw new QueueError(ErrorCode.QUEUE_FULL, `service "${serviceId}" has taken all its online bookings for today; a number can still be taken at the center`);
    }
  }

  private codeMatches(ticket: TicketRecord, request: CheckInRequest): boolean {
    if ('bookingCode' in request) return ticket.bookingRef === request.bookingCode;
    const phone = this.contacts.get(ticket.id)?.phone;
    return phone !== undefined && phone.length >= 4 && phone.slice(-4) === request.phoneLast4;
  }

  private requireBooking(bookingRef: string): TicketRecord {
    const ticket = this.core.findTicketByBookingRef(bookingRef);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `no booking ${bookingRef}`);
    return ticket;
  }

  private view(ticket: TicketRecord): PortalBooking {
    const deadline = ticket.deadline ?? ticket.issuedAt;
    const timeZone = this.core.config.timeZone;
    return {
      bookingRef: ticket.bookingRef ?? '',
      number: ticket.number,
      day: ticket.day,
      serviceId: ticket.originalServiceId,
      status: ticket.status,
      bookedAt: new Date(ticket.issuedAt).toISOString(),
      deadline: new Date(deadline).toISOString(),
      message: bookingSmsText({ number: ticket.number, deadline, timeZone }),
      messageEmail: bookingEmailText({ number: ticket.number, deadline, timeZone }),
    };
  }
}
