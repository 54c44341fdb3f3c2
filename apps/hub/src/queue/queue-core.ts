import {
  ErrorCode,
  formatTicketNumber,
  serviceDay,
  type CenterConfig,
  type CounterActionResponse,
  type CounterConfig,
  type IssuedTicket,
  type UndoableAction,
  UNDO_WINDOW_MS,
} from '@layso/shared';
import { buildCenterModel, type CenterModel, type ServiceEntry } from './center-model.js';
import { byQueueOrder, pickByPolicy, type CallPick } from './call-order.js';
import { HeldEstimates } from './wait-estimate/held-estimate.js';
import { extendProjection, projectAllCalls, WaitEstimator, type CounterNow, type Projection, type QueuedTicket, type WaitHistorySource } from './estimate.js';
import { BACKWARD_TOLERANCE_MS, ClockWatch, type ClockJump } from './clock-watch.js';
import { afterOpenMinutes, closingInstant, isOpenAt } from './opening-hours.js';
import { isOpenTicket, type Clock, type CounterStateRecord, type OpenTicketFilter, type QueueStore, type TicketEventRecord, type TicketPatch, type TicketRecord, type TicketSource } from './ports.js';
import { QueueError } from './queue-error.js';
import { counterTicketView, QueueViews, type QueueReadSource } from './views.js';

/** What changed, for the transport to publish after the transaction commits. */
export type QueueEvent =
  | { type: 'ticket-called'; ticket: TicketRecord; counter: number; recall: boolean; at: number }
  | { type: 'queue-changed'; serviceId: string }
  | { type: 'counter-changed'; counter: number }
  | { type: 'day-changed'; day: string }
  | { type: 'catalog-changed' }
  /** An online booking's ticket changed status (the portal is told). */
  | { type: 'booking-changed'; ticket: TicketRecord };

export interface Outcome<T> {
  value: T;
  events: QueueEvent[];
}

export interface IssueCommand {
  serviceId: string;
  priority?: string | null;
  requestId?: string | null;
  deviceId?: number | null;
  source?: TicketSource;
}

export interface BookCommand {
  serviceId: string;
  bookingRef: string;
  deadline: number;
}

/** Who pressed the button: retries with the same requestId return the first result. */
export interface CounterActor {
  deviceId: number | null;
  requestId?: string | undefined;
  clerk?: string | undefined;
}

/** Open tickets per service and kind the wait estimate replays (a deeper queue is extrapolated). */
const ESTIMATE_DEPTH = 100;
/** A replay of the counters is reused for this long at most (between the commands that change it). */
const SNAPSHOT_MS = 60_000;

/**
 * Every open ticket's projected call (open minutes from `at`) and when each counter is
 * free after them. Counter commands, priority tickets, bookings, check-ins,
 * cancellations, expiry and configuration changes start a new one; a normal ticket
 * issued meanwhile is the youngest of all, so it joins the projection exactly where
 * the replay would put it (extendProjection): the issue path replays nothing.
 */
interface WaitSnapshot extends Projection {
  at: number;
  counters: CounterNow[];
  /** Services with more open tickets than the replay takes. */
  deep: Set<string>;
  /** The open tickets replayed (and joined since), per service. */
  waiting: Map<string, QueuedTicket[]>;
}
const CLOSED_DAY_META = 'closed_day';
/** meta key: the clock watch's highest reading and unacknowledged warnings (JSON). */
const CLOCK_META = 'clock_watch';

function pausedError(service: ServiceEntry): QueueError {
  return new QueueError(ErrorCode.SERVICE_PAUSED, `service "${service.id}" is paused; please choose another service or come back later`);
}

export interface QueueCoreOptions {
  /** Past weeks' figures the wait estimate starts each day from (the report rollups). */
  waitHistory?: WaitHistorySource;
}

/**
 * The queue engine: numbering, issue, call, recall, skip, done, transfer, pause,
 * priority, online deadlines and day rollover. Pure domain logic over a QueueStore;
 * every command runs in one store transaction and returns the events it caused.
 */
export class QueueCore implements QueueReadSource {
  /** The wire read models over this core (views.ts): catalog, counter queue, ticket status… */
  readonly views: QueueViews;
  private model: CenterModel;
  private day: string;
  private readonly waits = new WaitEstimator(() => this.config.defaultServiceMinutes);
  /** The service day the wait estimator learnt for (it starts again from history on a new day). */
  private waitsDay: string | null = null;
  private waitSnapshot: WaitSnapshot | null = null;
  private readonly heldEstimates = new HeldEstimates();

  constructor(
    private readonly store: QueueStore,
    private readonly clock: Clock,
    initialConfig?: CenterConfig,
    private readonly options: QueueCoreOptions = {},
  ) {
    const stored = store.loadConfig();
    const config = stored ?? initialConfig;
    if (!config) throw new Error('no center configuration stored and none given');
    this.model = buildCenterModel(config);
    this.views = new QueueViews(this, store);
    if (!stored) store.transaction(() => this.persistConfig(config));
    this.day = store.getMeta('day') ?? this.today();
    this.closedDay = store.getMeta(CLOSED_DAY_META) || null;
    this.wasOpen = this.isOpen();
    if (!store.getMeta('day')) store.transaction(() => store.setMeta('day', this.day));
    this.clockWatch = new ClockWatch(ClockWatch.parse(store.getMeta(CLOCK_META)), clock.now());
    this.persistClockWatch();
  }

  private readonly clockWatch: ClockWatch;

  /** Moves of the wall clock the administrator has not acknowledged yet (oldest first). */
  get clockWarnings(): readonly ClockJump[] {
    return this.clockWatch.warnings;
  }

  /**
   * The administrator saw the clock warnings: they are cleared, the current time is the
   * new reference. `alongside` (the audit entry) commits in the same transaction.
   */
  acknowledgeClockWarnings(alongside?: () => void): void {
    const now = this.clock.now();
    this.store.transaction(() => {
      alongside?.();
      this.store.setMeta(CLOCK_META, JSON.stringify({ highWater: now, warnings: [] }));
    });
    this.clockWatch.acknowledge(now);
    this.clockWatch.persisted();
  }

  /** Writes the clock watch's state when it changed (rarely: a warning, or every 10 minutes of time). */
  private persistClockWatch(): void {
    const pending = this.clockWatch.pending();
    if (!pending) return;
    this.store.transaction(() => this.store.setMeta(CLOCK_META, JSON.stringify(pending)));
    this.clockWatch.persisted();
  }

  get config(): CenterConfig {
    return this.model.config;
  }

  get currentDay(): string {
    return this.day;
  }

  isOpen(at = this.clock.now()): boolean {
    return this.local(at).open;
  }

  /**
   * The service day and whether the center is open, for the minute of `at`. Both only
   * change on a minute boundary (hours are HH:mm, time zones are whole minutes), and
   * every command asks, so the answer is computed once a minute.
   */
  private local(at: number): { day: string; open: boolean } {
    const minute = Math.floor(at / 60_000);
    if (minute !== this.localMinute) {
      const { timeZone, openingHours } = this.model.config;
      const day = serviceDay(at, timeZone);
      this.localMinute = minute;
      this.localCache = { day, open: day !== this.closedDay && isOpenAt(openingHours, timeZone, at) };
    }
    return this.localCache;
  }

  /** The service day an admin closed early (meta `closed_day`), if any; a later day opens normally. */
  private closedDay: string | null;

  /** True when an admin closed the current service day early. */
  get closedEarly(): boolean {
    return this.closedDay === this.day;
  }

  /**
   * Closes the current service day early: no new tickets, bookings or check-ins until
   * the next day; waiting tickets can still be called and finished. Persisted.
   */
  closeDay(): Outcome<void> {
    return this.setClosedDay(this.day);
  }

  private closedError(): QueueError {
    return new QueueError(ErrorCode.CLOSED, this.closedEarly ? 'the center closed early today' : 'the center is outside its opening hours');
  }

  /** Undoes closeDay for the current day. */
  reopenDay(): Outcome<void> {
    return this.setClosedDay(null);
  }

  private setClosedDay(day: string | null): Outcome<void> {
    this.store.transaction(() => this.store.setMeta(CLOSED_DAY_META, day ?? ''));
    this.closedDay = day;
    this.localMinute = Number.NaN;
    this.wasOpen = this.isOpen();
    return { value: undefined, events: [{ type: 'catalog-changed' }] };
  }

  private localMinute = Number.NaN;
  private localCache = { day: '', open: false };

  /** Closing time of the current open interval (null when closed). */
  closesAt(at = this.clock.now()): number | null {
    return closingInstant(this.config.openingHours, this.config.timeZone, at);
  }

  // ---- configuration -------------------------------------------------------

  /** Replaces areas, services, counters and settings. Tickets keep their numbers. */
  replaceConfig(config: CenterConfig): Outcome<void> {
    this.store.transaction(() => this.persistConfig(config));
    this.model = buildCenterModel(config);
    this.queueMoved();
    this.localMinute = Number.NaN; // the time zone or the hours may have changed
    return { value: undefined, events: [{ type: 'catalog-changed' }] };
  }

  private persistConfig(config: CenterConfig): void {
    this.store.saveConfig(config, this.clock.now());
    for (const counter of config.counters) {
      if (!this.store.getCounterState(counter.number)) {
        this.store.saveCounterState({ number: counter.number, status: 'open', currentTicketId: null, normalStreak: 0 }, this.clock.now());
      }
    }
  }

  // ---- time-driven changes -------------------------------------------------

  /**
   * Follows the local date of the clock. Forward (midnight, or a start on a later day):
   * unfinished tickets of every other day expire, counters are cleared, sequences start
   * again at 001 (they are keyed by day). Backwards (a clock corrected after it ran
   * ahead, e.g. an RTC that jumped a year and NTP that set it right): the hub goes back
   * to the clock's day at once and nothing expires, because the tickets issued under the
   * wrong day belong to people in the hall now; they stay in the queue (queues are by
   * issue order, not by day) and expire at the next real midnight. The same when a clock
   * that ran behind catches up (a jump ahead landing near the latest time already seen).
   * Numbers never repeat on a day: the day's sequence continues after the highest number
   * stored for it. Safe to call at any time; a no-op within the same day.
   */
  rollover(): Outcome<void> {
    const today = this.today();
    if (today === this.day) return { value: undefined, events: [] };
    if (today < this.day) return this.followCorrectedClock(today);
    // A clock that was behind, set right: the tickets of the wrong (earlier) day are people
    // in the hall now; they expire at the next real midnight, not at this correction.
    if (this.clockWatch.caughtUp) return this.followCorrectedClock(today);
    const now = this.clock.now();
    const expired = this.store.transaction(() => {
      const unfinished = this.store.listUnfinishedOtherThan(today);
      for (const ticket of unfinished) {
        this.store.updateTicket(ticket.id, { status: 'expired', finishedAt: now });
        this.logEvent(ticket, 'expired', now, null, null);
      }
      for (const number of this.model.counters.keys()) {
        const state = this.counterState(number);
        if (state.currentTicketId !== null || state.normalStreak !== 0) {
          this.store.saveCounterState({ ...state, currentTicketId: null, normalStreak: 0 }, now);
        }
      }
      this.store.setMeta('day', today);
      return unfinished;
    });
    this.day = today;
    const events: QueueEvent[] = [{ type: 'day-changed', day: today }];
    for (const ticket of expired) events.push(...bookingChange({ ...ticket, status: 'expired', finishedAt: now }));
    for (const number of this.model.counters.keys()) events.push({ type: 'counter-changed', counter: number });
    for (const serviceId of this.model.services.keys()) events.push({ type: 'queue-changed', serviceId });
    return { value: undefined, events };
  }

  /**
   * The clock now reads an earlier day than the hub's (or, caught up after running
   * behind, a day the hub already had): go to it, expiring and clearing nothing. Walk-in
   * tickets of that day that a rollover expired at an instant the corrected clock has not
   * reached yet (the jump ahead rolled the day over under people still in the hall) go
   * back to the queue in their old place. Online bookings stay expired: the portal was
   * already told.
   */
  private followCorrectedClock(today: string): Outcome<void> {
    const now = this.clock.now();
    this.store.transaction(() => {
      const wronglyExpired = this.store.listExpiredAfter(today, now + BACKWARD_TOLERANCE_MS).filter((t) => t.source !== 'portal');
      for (const ticket of wronglyExpired) {
        this.store.updateTicket(ticket.id, { status: 'waiting', finishedAt: null, calledAt: null, counter: null });
        this.logEvent(ticket, 'restored', now, null, null);
      }
      this.store.setMeta('day', today);
    });
    this.day = today;
    const events: QueueEvent[] = [{ type: 'day-changed', day: today }];
    for (const number of this.model.counters.keys()) events.push({ type: 'counter-changed', counter: number });
    for (const serviceId of this.model.services.keys()) events.push({ type: 'queue-changed', serviceId });
    return { value: undefined, events };
  }

  /** Online tickets whose arrival deadline passed become `expired`; they are never called. */
  expireBookings(): Outcome<TicketRecord[]> {
    const now = this.clock.now();
    // Read first: most commands find nothing to expire and need no write transaction.
    const overdue = this.store.listBookedPastDeadline(now);
    if (overdue.length === 0) return { value: [], events: [] };
    const expired = this.store.transaction(() => {
      for (const ticket of overdue) {
        this.store.updateTicket(ticket.id, { status: 'expired', finishedAt: now });
        this.logEvent(ticket, 'expired', now, null, null);
      }
      return overdue;
    });
    const services = new Set(expired.map((t) => t.serviceId));
    const events: QueueEvent[] = [...services].map((serviceId) => ({ type: 'queue-changed' as const, serviceId }));
    for (const ticket of expired) events.push(...bookingChange({ ...ticket, status: 'expired', finishedAt: now }));
    return { value: expired, events };
  }

  // ---- issuing -------------------------------------------------------------

  /**
   * A ticket for a kiosk (or an admin). A retried request (same device and request id)
   * gets the ticket it already has, whatever changed since (service full, paused, the
   * center closed). The store's unique index on (device, request id) finds retries:
   * a new ticket is simply inserted, and only a command that failed (the index refused
   * the duplicate, or any other refusal) looks for the earlier ticket, so the common
   * case reads nothing before its insert. The failed command's transaction took back
   * whatever it wrote (the number it drew), so a retry consumes no number.
   */
  issue(command: IssueCommand): Outcome<IssuedTicket> {
    const deviceId = command.deviceId ?? null;
    const requestId = command.requestId ?? null;
    if (!requestId || deviceId === null) return this.issueNew(command);
    const attempt = { began: false };
    try {
      return this.issueNew(command, attempt);
    } catch (error) {
      // A failure before the command began (the tick) is not the command's to answer.
      if (!attempt.began) throw error;
      let existing: TicketRecord | null;
      try {
        existing = this.store.getTicketByRequest(deviceId, requestId);
      } catch {
        throw error;
      }
      if (!existing) throw error;
      if (existing.serviceId !== command.serviceId && existing.originalServiceId !== command.serviceId) {
        throw new QueueError(ErrorCode.CONFLICT, 'requestId was already used for another service');
      }
      // What the failed command's tick produced is delivered now, as with any command.
      return { value: this.views.issuedView(existing), events: this.undelivered.splice(0) };
    }
  }

  private issueNew(command: IssueCommand, attempt?: { began: boolean }): Outcome<IssuedTicket> {
    return this.command((events) => {
      if (attempt) attempt.began = true;
      const now = this.clock.now();
      const deviceId = command.deviceId ?? null;
      const service = this.requireService(command.serviceId);
      if (!service.active) throw new QueueError(ErrorCode.CLOSED, `service "${service.id}" is not taking tickets now`);
      if (service.paused) throw pausedError(service);
      const priority = command.priority ?? null;
      if (priority !== null && !this.model.priorityIds.has(priority)) {
        throw new QueueError(ErrorCode.VALIDATION, `unknown priority category "${priority}"`);
      }
      if (!this.isOpen(now)) throw this.closedError();
      const ticket = this.allocate(service, now, {
        status: 'waiting',
        priority,
        source: command.source ?? 'kiosk',
        deviceId,
        requestId: command.requestId ?? null,
        deadline: null,
        bookingRef: null,
      });
      events.push({ type: 'queue-changed', serviceId: service.id });
      this.joinedQueue(ticket);
      return this.views.issuedView(ticket, this.aheadOfNewest(ticket));
    });
  }

  /** An online booking: the next number of the service's sequence, `booked` until its deadline. */
  book(command: BookCommand): Outcome<TicketRecord> {
    return this.command((events) => {
      const existing = this.store.getTicketByBookingRef(command.bookingRef);
      if (existing) return existing;
      const now = this.clock.now();
      const service = this.requireService(command.serviceId);
      if (!service.active) throw new QueueError(ErrorCode.CLOSED, `service "${service.id}" is not taking bookings now`);
      if (service.paused) throw pausedError(service);
      if (!this.isOpen(now)) throw this.closedError();
      if (command.deadline <= now) throw new QueueError(ErrorCode.VALIDATION, 'deadline must be in the future');
      const ticket = this.allocate(service, now, {
        status: 'booked',
        priority: null,
        source: 'portal',
        deviceId: null,
        requestId: null,
        deadline: command.deadline,
        bookingRef: command.bookingRef,
      });
      events.push({ type: 'queue-changed', serviceId: service.id }, ...bookingChange(ticket));
      this.queueMoved();
      return ticket;
    });
  }

  /** A booked citizen arrived: the ticket joins the queue in its booked position. */
  checkIn(ticketId: number): Outcome<TicketRecord> {
    return this.command((events) => {
      const ticket = this.requireTicket(ticketId);
      if (ticket.status !== 'booked') throw new QueueError(ErrorCode.CONFLICT, `ticket ${ticket.number} is ${ticket.status}, not booked`);
      if (this.closedEarly) throw this.closedError();
      const now = this.clock.now();
      this.store.updateTicket(ticket.id, { status: 'waiting' });
      this.logEvent(ticket, 'checked-in', now, null, null);
      const checkedIn: TicketRecord = { ...ticket, status: 'waiting' };
      this.queueMoved();
      events.push({ type: 'queue-changed', serviceId: ticket.serviceId }, ...bookingChange(checkedIn));
      return checkedIn;
    });
  }

  /** Records whether a kiosk printed a ticket: a citizen without paper keeps the number. */
  recordPrintResult(day: string, number: string, ok: boolean, deviceId: number | null): void {
    const ticket = this.store.getTicketByNumber(day, number);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `no ticket ${number} on ${day}`);
    if (deviceId !== null && ticket.deviceId !== null && ticket.deviceId !== deviceId) {
      throw new QueueError(ErrorCode.FORBIDDEN, `ticket ${number} was issued by another kiosk`);
    }
    this.store.transaction(() => this.logEvent(ticket, ok ? 'printed' : 'print-failed', this.clock.now(), null, null));
  }

  cancel(ticketId: number): Outcome<TicketRecord> {
    return this.command((events) => {
      const ticket = this.requireTicket(ticketId);
      if (!isOpenTicket(ticket)) throw new QueueError(ErrorCode.CONFLICT, `ticket ${ticket.number} is ${ticket.status} and cannot be cancelled`);
      const now = this.clock.now();
      this.store.updateTicket(ticket.id, { status: 'cancelled', finishedAt: now });
      this.logEvent(ticket, 'cancelled', now, null, null);
      const cancelled: TicketRecord = { ...ticket, status: 'cancelled', finishedAt: now };
      this.queueMoved();
      events.push({ type: 'queue-changed', serviceId: ticket.serviceId }, ...bookingChange(cancelled));
      return cancelled;
    });
  }

  private allocate(
    service: ServiceEntry,
    now: number,
    fields: Pick<TicketRecord, 'status' | 'priority' | 'source' | 'deviceId' | 'requestId' | 'deadline' | 'bookingRef'>,
  ): TicketRecord {
    // The sequence is the source of numbers; the highest number stored for the day is a
    // second guard, so a day the clock returns to (or a sequence row that fell behind the
    // tickets) continues after its last ticket instead of repeating one.
    const last = Math.max(this.store.lastSeq(this.day, service.prefix), this.store.highestSeq(this.day, service.prefix));
    if (last >= service.dailyLimit) throw new QueueError(ErrorCode.QUEUE_FULL, `service "${service.id}" has issued all ${service.dailyLimit} numbers for today`);
    const seq = last + 1;
    this.store.setLastSeq(this.day, service.prefix, seq);
    const ticket = this.store.insertTicket({
      day: this.day,
      number: formatTicketNumber(service.prefix, seq),
      prefix: service.prefix,
      seq,
      serviceId: service.id,
      originalServiceId: service.id,
      issuedAt: now,
      ...fields,
    });
    this.logEvent(ticket, fields.status === 'booked' ? 'booked' : 'issued', now, null, null);
    return ticket;
  }

  // ---- counter commands ----------------------------------------------------

  /** Ends the current ticket (done) and calls the next one by the priority policy (call-order.ts). */
  next(counterNumber: number, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      if (state.status === 'paused') throw new QueueError(ErrorCode.CONFLICT, `counter ${counterNumber} is paused; resume it first`);
      if (state.currentTicketId !== null) this.finishCurrent(state, 'done', now, actor, events);
      const pick = this.pickNext(counterNumber, state, now);
      if (!pick) {
        this.store.saveCounterState({ ...state, currentTicketId: null }, now);
        events.push({ type: 'counter-changed', counter: counterNumber });
        return { ticket: null };
      }
      const picked = pick.ticket;
      const called: TicketRecord = {
        ...picked,
        status: 'called',
        calledAt: now,
        firstCalledAt: picked.firstCalledAt ?? now,
        counter: counterNumber,
        clerk: actor.clerk ?? null,
      };
      this.store.updateTicket(picked.id, {
        status: 'called',
        calledAt: now,
        firstCalledAt: called.firstCalledAt,
        counter: counterNumber,
        clerk: called.clerk,
      });
      this.logEvent(called, 'called', now, counterNumber, called.clerk);
      this.store.saveCounterState({ ...state, currentTicketId: picked.id, normalStreak: pick.normalStreak }, now);
      this.store.setServiceCurrent(picked.serviceId, this.day, picked.number);
      events.push(
        { type: 'ticket-called', ticket: called, counter: counterNumber, recall: false, at: now },
        { type: 'queue-changed', serviceId: picked.serviceId },
        { type: 'counter-changed', counter: counterNumber },
        ...bookingChange(called),
      );
      return { ticket: counterTicketView(called) };
    });
  }

  recall(counterNumber: number, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      const current = this.requireCurrent(counterNumber, state);
      const recalled = { ...current, recalls: current.recalls + 1 };
      this.store.updateTicket(current.id, { recalls: recalled.recalls });
      this.logEvent(current, 'recalled', now, counterNumber, actor.clerk ?? null);
      events.push({ type: 'ticket-called', ticket: recalled, counter: counterNumber, recall: true, at: now });
      return { ticket: counterTicketView(recalled) };
    });
  }

  done(counterNumber: number, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.endCurrent(counterNumber, actor, 'done');
  }

  /** The citizen did not come (vắng mặt). */
  skip(counterNumber: number, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.endCurrent(counterNumber, actor, 'skipped');
  }

  private endCurrent(counterNumber: number, actor: CounterActor, status: 'done' | 'skipped'): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      const finished = this.finishCurrent(state, status, now, actor, events);
      this.store.saveCounterState({ ...state, currentTicketId: null }, now);
      events.push({ type: 'counter-changed', counter: counterNumber });
      return { ticket: counterTicketView(finished) };
    });
  }

  /** Moves the current ticket to the head of another service's queue, keeping its number. */
  transfer(counterNumber: number, toServiceId: string, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      const current = this.requireCurrent(counterNumber, state);
      const target = this.requireService(toServiceId);
      if (target.id === current.serviceId) throw new QueueError(ErrorCode.CONFLICT, `ticket ${current.number} is already in service "${target.id}"`);
      const head = this.store.minQueueKey(target.id);
      const queueKey = head === null ? current.queueKey : Math.min(current.queueKey, head - 1);
      const patch = {
        status: 'waiting',
        serviceId: target.id,
        queueKey,
        transferredFrom: current.serviceId,
        counter: null,
        calledAt: null,
      } satisfies TicketPatch;
      const moved: TicketRecord = { ...current, ...patch };
      this.store.updateTicket(current.id, patch);
      this.logEvent(moved, 'transferred', now, counterNumber, actor.clerk ?? null);
      this.recordCounterTime(current, now);
      this.store.saveCounterState({ ...state, currentTicketId: null }, now);
      events.push(
        { type: 'queue-changed', serviceId: current.serviceId },
        { type: 'queue-changed', serviceId: target.id },
        { type: 'counter-changed', counter: counterNumber },
      );
      return { ticket: counterTicketView(moved) };
    });
  }

  /**
   * "Hoàn tác": takes back the counter's last "Hoàn thành", "Vắng mặt" or "Chuyển lĩnh
   * vực" within UNDO_WINDOW_MS, so a mis-pressed no-show does not send a citizen home.
   * The ticket is served at this counter again, as before the press. Refused (CONFLICT,
   * nothing changed) unless all of these hold: the ticket's last event is that action,
   * by this counter; the counter did nothing since (it serves no one, is not paused);
   * the window has not passed. A transferred ticket already called elsewhere has a later
   * event, so it stays where it is. No number is issued or reused: sequences are untouched.
   */
  undo(counterNumber: number, request: { number: string; action: UndoableAction }, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      const ticket = this.store.getTicketByNumber(this.day, request.number);
      if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `no ticket ${request.number} today`);
      const history = this.store.ticketEvents(ticket.id);
      const last = history.at(-1);
      const kind = UNDO_EVENT_KIND[request.action];
      if (!last || last.kind !== kind || last.counter !== counterNumber || ticket.status !== UNDO_TICKET_STATUS[request.action]) {
        throw new QueueError(ErrorCode.CONFLICT, `ticket ${ticket.number} has changed since counter ${counterNumber} pressed "${request.action}": nothing to undo`);
      }
      if (now < last.at || now - last.at > UNDO_WINDOW_MS) {
        throw new QueueError(ErrorCode.CONFLICT, `the ${UNDO_WINDOW_MS / 1000} s to undo "${request.action}" of ticket ${ticket.number} have passed`);
      }
      if (state.status === 'paused' || state.currentTicketId !== null || this.store.countCounterEventsAfter(counterNumber, last.id) > 0) {
        throw new QueueError(ErrorCode.CONFLICT, `counter ${counterNumber} has moved on since "${request.action}" of ticket ${ticket.number}`);
      }
      const restored = request.action === 'transfer' ? this.untransferred(ticket, history, counterNumber) : { ...ticket, status: 'called' as const, finishedAt: null };
      this.store.updateTicket(ticket.id, {
        status: 'called',
        finishedAt: null,
        serviceId: restored.serviceId,
        transferredFrom: restored.transferredFrom,
        counter: restored.counter,
        calledAt: restored.calledAt,
      });
      this.logEvent(restored, 'undone', now, counterNumber, actor.clerk ?? null);
      this.store.saveCounterState({ ...state, currentTicketId: ticket.id }, now);
      events.push({ type: 'queue-changed', serviceId: restored.serviceId });
      if (restored.serviceId !== ticket.serviceId) events.push({ type: 'queue-changed', serviceId: ticket.serviceId });
      events.push({ type: 'counter-changed', counter: counterNumber }, ...bookingChange(restored));
      return { ticket: counterTicketView(restored) };
    });
  }

  /** The ticket as it was when this counter called it, before the transfer. */
  private untransferred(ticket: TicketRecord, history: readonly TicketEventRecord[], counterNumber: number): TicketRecord {
    const calledAt = history.findLastIndex((e) => e.kind === 'called');
    const called = history[calledAt];
    if (!called || called.counter !== counterNumber) throw new QueueError(ErrorCode.CONFLICT, `ticket ${ticket.number} was not called at counter ${counterNumber}`);
    // Where it came from before that call, if an earlier transfer brought it: the
    // service it was in just before that transfer.
    const earlierTransfer = history.slice(0, calledAt).findLastIndex((e) => e.kind === 'transferred');
    const transferredFrom = earlierTransfer > 0 ? history[earlierTransfer - 1]!.serviceId : null;
    return { ...ticket, status: 'called', finishedAt: null, serviceId: called.serviceId, counter: counterNumber, calledAt: called.at, transferredFrom };
  }

  /** A break: the ticket being served is completed first, so the screens show no stale number. */
  pause(counterNumber: number, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      if (state.status === 'paused') return { ticket: null };
      const finished = state.currentTicketId !== null ? this.finishCurrent(state, 'done', now, actor, events) : null;
      this.store.saveCounterState({ ...state, status: 'paused', currentTicketId: null }, now);
      this.waits.recordPause(counterNumber, now);
      this.pushCounterAndItsQueues(counterNumber, events);
      return { ticket: finished ? counterTicketView(finished) : null };
    });
  }

  resume(counterNumber: number, actor: CounterActor): Outcome<CounterActionResponse> {
    return this.counterCommand(counterNumber, actor, (state, events, now) => {
      if (state.status === 'open') return { ticket: null };
      this.store.saveCounterState({ ...state, status: 'open' }, now);
      this.waits.recordResume(counterNumber);
      this.pushCounterAndItsQueues(counterNumber, events);
      return { ticket: null };
    });
  }

  private pushCounterAndItsQueues(counterNumber: number, events: QueueEvent[]): void {
    events.push({ type: 'counter-changed', counter: counterNumber });
    for (const serviceId of this.requireCounter(counterNumber).serviceIds) events.push({ type: 'queue-changed', serviceId });
  }

  /** The ticket `next` calls and the counter's streak after it, by the rule the queue list replays. */
  private pickNext(counterNumber: number, state: CounterStateRecord, now: number): CallPick<TicketRecord> | null {
    const counter = this.requireCounter(counterNumber);
    const includeBooked = !this.config.online.checkInRequired;
    let bestPriority: TicketRecord | null = null;
    let bestNormal: TicketRecord | null = null;
    for (const serviceId of counter.serviceIds) {
      const filter: OpenTicketFilter = { serviceId, includeBooked, now };
      bestPriority = earlier(bestPriority, this.store.queueHead(filter, true));
      bestNormal = earlier(bestNormal, this.store.queueHead(filter, false));
    }
    return pickByPolicy(bestPriority, bestNormal, this.config.priorityPolicy, state.normalStreak);
  }

  private finishCurrent(state: CounterStateRecord, status: 'done' | 'skipped', now: number, actor: CounterActor, events: QueueEvent[]): TicketRecord {
    const current = this.requireCurrent(state.number, state);
    this.store.updateTicket(current.id, { status, finishedAt: now });
    this.logEvent(current, status, now, state.number, actor.clerk ?? null);
    this.recordCounterTime(current, now);
    const finished: TicketRecord = { ...current, status, finishedAt: now };
    events.push({ type: 'queue-changed', serviceId: current.serviceId }, ...bookingChange(finished));
    return finished;
  }

  private counterCommand(
    counterNumber: number,
    actor: CounterActor,
    body: (state: CounterStateRecord, events: QueueEvent[], now: number) => CounterActionResponse,
  ): Outcome<CounterActionResponse> {
    return this.command((events) => {
      const { deviceId, requestId } = actor;
      if (requestId && deviceId !== null) {
        const saved = this.store.getCommandResult(deviceId, requestId);
        if (saved) return JSON.parse(saved) as CounterActionResponse;
      }
      this.requireCounter(counterNumber);
      const now = this.clock.now();
      const result = body(this.counterState(counterNumber), events, now);
      this.queueMoved();
      if (requestId && deviceId !== null) this.store.saveCommandResult(deviceId, requestId, JSON.stringify(result), now);
      return result;
    });
  }

  /**
   * Re-reads what the core caches from the store, after an outer transaction that
   * contained a rollover failed to commit (the database still has the old day).
   */
  resyncAfterFailedCommit(): void {
    this.day = this.store.getMeta('day') ?? this.day;
    // The clock record written inside it was rolled back too: write it again.
    this.clockWatch.unpersisted();
  }

  /**
   * Runs several commands in one durable commit (group commit): each command still
   * succeeds or fails on its own, but the disk is synced once for all of them.
   */
  inOneCommit<T>(fn: () => T): T {
    return this.store.transaction(fn);
  }

  /**
   * Day rollover, booking expiry and opening/closing: run by a timer and before every
   * command. Opening or closing changes what kiosks may offer, so it is announced as a
   * catalog change.
   */
  tick(): Outcome<void> {
    this.clockWatch.observe(this.clock.now());
    this.persistClockWatch();
    const undelivered = this.undelivered.splice(0);
    const events = [...undelivered, ...this.rollover().events, ...this.expireBookings().events];
    const open = this.isOpen();
    if (open !== this.wasOpen) {
      this.wasOpen = open;
      events.push({ type: 'catalog-changed' });
    }
    return { value: undefined, events };
  }

  private wasOpen: boolean;

  /**
   * Events of a rollover or expiry that committed before a command that then failed:
   * the failed command returns no outcome, so they go out with the next one.
   */
  private undelivered: QueueEvent[] = [];

  /** Runs a command in one transaction after any pending rollover and expiry. */
  private command<T>(body: (events: QueueEvent[]) => T): Outcome<T> {
    const ticked = this.tick().events;
    // A rollover or expired bookings changed the queues the wait estimate replays.
    if (ticked.length > 0) this.queueMoved();
    const events: QueueEvent[] = [...ticked];
    try {
      const value = this.store.transaction(() => body(events));
      return { value, events };
    } catch (error) {
      this.undelivered.push(...ticked);
      this.queueMoved();
      throw error;
    }
  }

  // ---- lookups (the wire read models are in views.ts) ----------------------

  /**
   * Personal data (booking contacts, reminder phone numbers) created before this
   * instant is past the center's retention period and must be deleted.
   */
  personalDataCutoff(): number {
    return this.clock.now() - this.config.online.personalDataDays * 86_400_000;
  }

  getTicket(id: number): TicketRecord | null {
    return this.store.getTicket(id);
  }

  findTicket(day: string, number: string): TicketRecord | null {
    return this.store.getTicketByNumber(day, number);
  }

  findTicketByBookingRef(bookingRef: string): TicketRecord | null {
    return this.store.getTicketByBookingRef(bookingRef);
  }

  serviceAreaId(serviceId: string): string {
    return this.requireService(serviceId).areaId;
  }

  hasService(serviceId: string): boolean {
    return this.model.services.has(serviceId);
  }

  hasCounter(counterNumber: number): boolean {
    return this.model.counters.has(counterNumber);
  }

  /** People in front of an open ticket in its service's queue, in the order the counters will call them. */
  ahead(ticket: TicketRecord): number {
    const projected = this.projectedAhead(ticket);
    if (projected !== null) return projected;
    const filter = this.openFilter(ticket.serviceId);
    if (ticket.priority !== null) return this.store.countOpenBefore(filter, ticket.queueKey, ticket.id, true);
    return this.store.countOpen(filter, true) + this.store.countOpenBefore(filter, ticket.queueKey, ticket.id, false);
  }

  /**
   * People of its service the counters will call before `ticket`, by the replay the
   * estimate reads (so "ahead" and the minutes tell the same story): under interleaved a
   * priority ticket has older normal tickets in front of it until its counter may
   * overtake, and a normal ticket not every younger priority one. Null when the replay
   * does not reach it (a queue deeper than ESTIMATE_DEPTH, or no counter serves it).
   */
  private projectedAhead(ticket: TicketRecord): number | null {
    const snapshot = this.currentSnapshot(this.clock.now());
    const mine = snapshot.order.get(ticket.id);
    if (mine === undefined || snapshot.deep.has(ticket.serviceId)) return null;
    let ahead = 0;
    for (const other of snapshot.waiting.get(ticket.serviceId) ?? []) if ((snapshot.order.get(other.id) ?? mine) < mine) ahead += 1;
    return ahead;
  }

  /**
   * `ahead` for the ticket just issued: it has the highest queue key of its service, so
   * everybody open in its queue (of its own kind, for a priority ticket under strict) is
   * in front: two counts. Under interleaved, older normal tickets may be in front of a
   * new priority one too: the replay says which.
   */
  private aheadOfNewest(ticket: TicketRecord): number {
    if (ticket.priority !== null && this.config.priorityPolicy.policy !== 'strict') return this.ahead(ticket);
    const filter = this.openFilter(ticket.serviceId);
    return ticket.priority !== null ? this.store.countOpen(filter, true) - 1 : this.store.countOpen(filter) - 1;
  }

  /**
   * Minutes until a ticket is called (estimate.ts): the counters' `next` presses
   * replayed over every open ticket with the minutes each service takes, carried
   * through the opening hours (a lunch break in between is waited through). `ticket`:
   * an open ticket; without one, a ticket taken now in the service (the catalog's
   * figure). `ahead` only serves a queue too long to replay (beyond ESTIMATE_DEPTH).
   */
  estimate(serviceId: string, ahead: number, ticket?: TicketRecord): number {
    this.startWaitsDay();
    const now = this.clock.now();
    const snapshot = this.currentSnapshot(now);
    const minutesOf = (id: string) => this.waits.serviceMinutes(id);
    let projected = ticket ? snapshot.calls.get(ticket.id) : undefined;
    if (projected === undefined && !ticket && !snapshot.deep.has(serviceId)) {
      projected = extendProjection(snapshot, serviceId, snapshot.counters, minutesOf) ?? undefined;
    }
    let openMinutes: number;
    if (projected !== undefined) openMinutes = Math.max(0, projected - (now - snapshot.at) / 60_000);
    else {
      // Not replayed (a queue deeper than ESTIMATE_DEPTH, or no counter serves it): people ahead × minutes ÷ counters.
      const serving = (this.model.countersByService.get(serviceId) ?? []).filter((n) => this.counterState(n).status === 'open').length;
      openMinutes = (ahead * minutesOf(serviceId)) / Math.max(1, serving);
    }
    const minutes = openMinutes <= 0 ? 0 : Math.max(1, Math.ceil((afterOpenMinutes(this.config.openingHours, this.config.timeZone, now, openMinutes) - now) / 60_000));
    // A ticket is told one number everywhere, held while its words stay true (held-estimate.ts).
    return ticket ? this.heldEstimates.hold(ticket.id, minutes) : minutes;
  }

  /** The replay the estimates read, made again when it is stale (see WaitSnapshot). */
  private currentSnapshot(now: number): WaitSnapshot {
    const kept = this.waitSnapshot;
    if (kept && now >= kept.at && now - kept.at < SNAPSHOT_MS) return kept;
    const minutesOf = (id: string) => this.waits.serviceMinutes(id);
    const waiting = new Map<string, QueuedTicket[]>();
    const deep = new Set<string>();
    for (const id of this.model.services.keys()) {
      const filter = this.openFilter(id);
      const priority = this.store.listOpen(filter, ESTIMATE_DEPTH, true);
      const normal = this.store.listOpen(filter, ESTIMATE_DEPTH, false);
      if (priority.length >= ESTIMATE_DEPTH || normal.length >= ESTIMATE_DEPTH) deep.add(id);
      waiting.set(id, [...priority, ...normal]);
    }
    const counters: CounterNow[] = this.config.counters.map((c) => {
      const state = this.counterState(c.number);
      let freeIn = 0;
      if (state.status === 'paused') freeIn = this.waits.pausedFor(c.number, now);
      else if (state.currentTicketId !== null) {
        const current = this.store.getTicket(state.currentTicketId);
        if (current?.calledAt != null) {
          const minutes = minutesOf(current.serviceId);
          // Past its expected end, a ticket is taken to need a little more, not none.
          freeIn = Math.max(minutes / 10, minutes - (now - current.calledAt) / 60_000);
        }
      }
      return { number: c.number, serviceIds: c.serviceIds, freeIn, normalStreak: state.normalStreak };
    });
    this.waitSnapshot = { at: now, counters, deep, waiting, ...projectAllCalls(waiting, counters, this.config.priorityPolicy, minutesOf) };
    return this.waitSnapshot;
  }

  /** Something other than a normal ticket joining the end of its queue changed what the counters will do. */
  private queueMoved(): void {
    this.waitSnapshot = null;
  }

  /** A ticket was issued: a normal one joins the replay at its end, anything else starts a new one. */
  private joinedQueue(ticket: TicketRecord): void {
    const snapshot = this.waitSnapshot;
    // Beyond the replayed depth of its service a ticket changes nobody's projection.
    if (snapshot?.deep.has(ticket.serviceId)) return;
    if (!snapshot || ticket.priority !== null) {
      this.queueMoved();
      return;
    }
    if (extendProjection(snapshot, ticket.serviceId, snapshot.counters, (id) => this.waits.serviceMinutes(id), { ticketId: ticket.id }) === null) this.queueMoved();
    else snapshot.waiting.get(ticket.serviceId)?.push(ticket);
  }

  /** Feeds the estimator the time a ticket kept a counter busy. */
  private recordCounterTime(ticket: TicketRecord, now: number): void {
    if (ticket.calledAt === null) return;
    this.startWaitsDay();
    this.waits.recordFinish(ticket.serviceId, now - ticket.calledAt);
  }

  /** A new service day starts the estimator again from the same weekday's history. */
  private startWaitsDay(): void {
    if (this.waitsDay === this.day) return;
    this.waitsDay = this.day;
    let history: ReturnType<WaitHistorySource['sameWeekday']> = [];
    try {
      history = this.options.waitHistory?.sameWeekday(this.day) ?? [];
    } catch {
      // History only improves the first estimates of a day; without it the default serves.
    }
    this.waits.startDay(history);
    this.heldEstimates.clear();
    // A hub restarted during the day reads back the service times it had learnt from (oldest first).
    for (const serviceId of this.model.services.keys()) {
      for (const ms of [...this.store.recentServiceDurations(serviceId, this.day, 20)].reverse()) this.waits.recordFinish(serviceId, ms);
    }
  }

  // ---- helpers -------------------------------------------------------------

  private today(): string {
    return this.local(this.clock.now()).day;
  }

  /** Which open tickets of a service are in its queue now (booked ones too when check-in is not required). */
  openFilter(serviceId: string): OpenTicketFilter {
    return { serviceId, includeBooked: !this.config.online.checkInRequired, now: this.clock.now() };
  }

  /** A counter's stored state (open and idle when it has none yet). */
  counterState(number: number): CounterStateRecord {
    return this.store.getCounterState(number) ?? { number, status: 'open', currentTicketId: null, normalStreak: 0 };
  }

  /** The service, or NOT_FOUND. */
  requireService(serviceId: string): ServiceEntry {
    const service = this.model.services.get(serviceId);
    if (!service) throw new QueueError(ErrorCode.NOT_FOUND, `unknown service "${serviceId}"`);
    return service;
  }

  /** The counter, or NOT_FOUND. */
  requireCounter(counterNumber: number): CounterConfig {
    const counter = this.model.counters.get(counterNumber);
    if (!counter) throw new QueueError(ErrorCode.NOT_FOUND, `unknown counter ${counterNumber}`);
    return counter;
  }

  private requireTicket(id: number): TicketRecord {
    const ticket = this.store.getTicket(id);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `unknown ticket ${id}`);
    return ticket;
  }

  private requireCurrent(counterNumber: number, state: CounterStateRecord): TicketRecord {
    const current = state.currentTicketId !== null ? this.store.getTicket(state.currentTicketId) : null;
    if (!current || current.status !== 'called') throw new QueueError(ErrorCode.CONFLICT, `counter ${counterNumber} is not serving a ticket`);
    return current;
  }

  private logEvent(ticket: TicketRecord, kind: string, at: number, counter: number | null, clerk: string | null): void {
    this.store.addTicketEvent({ ticketId: ticket.id, at, kind, serviceId: ticket.serviceId, counter, clerk });
  }
}

/** The ticket event each undoable action logs, and the status it leaves the ticket in. */
const UNDO_EVENT_KIND: Record<UndoableAction, string> = { done: 'done', skip: 'skipped', transfer: 'transferred' };
const UNDO_TICKET_STATUS: Record<UndoableAction, TicketRecord['status']> = { done: 'done', skip: 'skipped', transfer: 'waiting' };

/** The booking-changed event for a ticket that came from the portal; none otherwise. */
function bookingChange(ticket: TicketRecord): QueueEvent[] {
  return ticket.bookingRef !== null ? [{ type: 'booking-changed', ticket }] : [];
}

function earlier(a: TicketRecord | null, b: TicketRecord | null): TicketRecord | null {
  if (!a) return b;
  if (!b) return a;
  return byQueueOrder(a, b) < 0 ? a : b;
}

