import { centerConfigSchema, type CenterConfig } from '@layso/shared';
import {
  isOpenTicket,
  newTicketRecord,
  type CounterStateRecord,
  type NewTicket,
  type OpenTicketFilter,
  type QueueStore,
  type TicketEventRecord,
  type TicketPatch,
  type TicketRecord,
} from './ports.js';

/** The highest ticket sequence a day may reach (the SQLite schema's CHECK on sequences). */
const MAX_SEQ = 999;

/** Thrown where SQLite would refuse a row (a UNIQUE, CHECK or FOREIGN KEY constraint). */
export class ConstraintError extends Error {
  override readonly name = 'ConstraintError';
}

/** An open ticket's place in the queue: queue key, then id. */
function byQueueKey(a: TicketRecord, b: TicketRecord): number {
  return a.queueKey - b.queueKey || a.id - b.id;
}

/**
 * The QueueStore port in plain memory, for the core's unit tests (fast, nothing on
 * disk) and anything else that needs a queue without a database. It keeps the same
 * contract as SqliteQueueStore — the same ordering, filters, constraints and
 * transaction semantics — and queue-store-contract.ts holds both to it.
 *
 * Transactions keep an undo log: every write inside one records how to take itself
 * back, and a failing (possibly nested) transaction replays its part of the log
 * backwards, like a SQLite savepoint.
 */
export class InMemoryQueueStore implements QueueStore {
  private configJson: string | null = null;
  private readonly meta = new Map<string, string>();
  private readonly sequences = new Map<string, number>();
  /** By id, in id order (ids only grow; a rollback removes the newest). */
  private readonly tickets = new Map<number, TicketRecord>();
  private readonly byNumber = new Map<string, number>();
  private readonly byRequest = new Map<string, number>();
  private readonly byBookingRef = new Map<string, number>();
  private readonly events: TicketEventRecord[] = [];
  private readonly counters = new Map<number, CounterStateRecord>();
  private readonly serviceCurrent = new Map<string, { day: string; number: string }>();
  private readonly commandResults = new Map<string, string>();

  private readonly undoLog: (() => void)[] = [];
  private depth = 0;
  /** Outermost transactions that committed (what a database would sync to disk). */
  commits = 0;

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  transaction<T>(fn: () => T): T {
    const mark = this.undoLog.length;
    this.depth += 1;
    try {
      const result = fn();
      if (this.depth === 1) this.commits += 1;
      return result;
    } catch (error) {
      while (this.undoLog.length > mark) this.undoLog.pop()!();
      throw error;
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.undoLog.length = 0;
    }
  }

  /** Records how to take a write back, when a transaction may need to. */
  private onRollback(undo: () => void): void {
    if (this.depth > 0) this.undoLog.push(undo);
  }

  /** Sets a map entry, remembering the previous one for a rollback. */
  private setEntry<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const before = map.get(key);
    map.set(key, value);
    this.onRollback(() => (had ? map.set(key, before as V) : map.delete(key)));
  }

  loadConfig(): CenterConfig | null {
    return this.configJson === null ? null : centerConfigSchema.parse(JSON.parse(this.configJson));
  }

  saveConfig(config: CenterConfig, _at: number): void {
    const before = this.configJson;
    this.configJson = JSON.stringify(config);
    this.onRollback(() => (this.configJson = before));
  }

  getMeta(key: string): string | null {
    return this.meta.get(key) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.setEntry(this.meta, key, value);
  }

  lastSeq(day: string, prefix: string): number {
    return this.sequences.get(`${day}|${prefix}`) ?? 0;
  }

  setLastSeq(day: string, prefix: string, seq: number): void {
    if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new ConstraintError(`sequence ${seq} is outside 0..${MAX_SEQ}`);
    this.setEntry(this.sequences, `${day}|${prefix}`, seq);
  }

  highestSeq(day: string, prefix: string): number {
    // As the SQLite store reads it: the highest number of the prefix's range (prefix + three digits).
    const low = `${prefix}000`;
    const high = `${prefix}999`;
    let best: TicketRecord | null = null;
    for (const ticket of this.tickets.values()) {
      if (ticket.day !== day || ticket.prefix !== prefix || ticket.number < low || ticket.number > high) continue;
      if (!best || ticket.number > best.number) best = ticket;
    }
    return best?.seq ?? 0;
  }

  insertTicket(ticket: NewTicket): TicketRecord {
    const numberKey = `${ticket.day}|${ticket.number}`;
    const requestKey = ticket.requestId !== null && ticket.deviceId !== null ? `${ticket.deviceId}|${ticket.requestId}` : null;
    if (this.byNumber.has(numberKey)) throw new ConstraintError(`ticket ${ticket.number} already exists on ${ticket.day}`);
    if (requestKey !== null && this.byRequest.has(requestKey)) throw new ConstraintError(`request ${ticket.requestId} of device ${ticket.deviceId} already made a ticket`);
    if (ticket.bookingRef !== null && this.byBookingRef.has(ticket.bookingRef)) throw new ConstraintError(`booking ${ticket.bookingRef} already has a ticket`);
    // One more than the largest id, as SQLite's rowid without AUTOINCREMENT.
    const id = this.lastTicketId() + 1;
    const record = newTicketRecord(ticket, id);
    this.setEntry(this.tickets, id, record);
    this.setEntry(this.byNumber, numberKey, id);
    if (requestKey !== null) this.setEntry(this.byRequest, requestKey, id);
    if (ticket.bookingRef !== null) this.setEntry(this.byBookingRef, ticket.bookingRef, id);
    return { ...record };
  }

  private lastTicketId(): number {
    let last = 0;
    for (const id of this.tickets.keys()) last = id;
    return last;
  }

  getTicket(id: number): TicketRecord | null {
    return this.copy(this.tickets.get(id));
  }

  getTicketByNumber(day: string, number: string): TicketRecord | null {
    return this.copy(this.ticketWith(this.byNumber, `${day}|${number}`));
  }

  getTicketByRequest(deviceId: number, requestId: string): TicketRecord | null {
    return this.copy(this.ticketWith(this.byRequest, `${deviceId}|${requestId}`));
  }

  getTicketByBookingRef(bookingRef: string): TicketRecord | null {
    return this.copy(this.ticketWith(this.byBookingRef, bookingRef));
  }

  updateTicket(id: number, patch: TicketPatch): void {
    const before = this.tickets.get(id);
    if (!before) return; // an UPDATE that matches no row
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as TicketPatch;
    if (Object.keys(defined).length === 0) return;
    this.setEntry(this.tickets, id, { ...before, ...defined });
  }

  addTicketEvent(event: Omit<TicketEventRecord, 'id'>): void {
    if (!this.tickets.has(event.ticketId)) throw new ConstraintError(`no ticket ${event.ticketId} for its event`);
    this.events.push({ id: this.events.length + 1, ...event });
    this.onRollback(() => this.events.pop());
  }

  ticketEvents(ticketId: number): TicketEventRecord[] {
    return this.events.filter((e) => e.ticketId === ticketId).map((e) => ({ ...e }));
  }

  countCounterEventsAfter(counter: number, afterId: number): number {
    // Event ids are 1, 2, 3…: the events after `afterId` start at that index.
    return this.events.slice(Math.max(0, afterId)).filter((e) => e.counter === counter).length;
  }

  queueHead(filter: OpenTicketFilter, priority: boolean): TicketRecord | null {
    return this.copy(this.open(filter, priority)[0]);
  }

  minQueueKey(serviceId: string): number | null {
    let min: number | null = null;
    for (const ticket of this.tickets.values()) {
      if (ticket.serviceId === serviceId && isOpenTicket(ticket) && (min === null || ticket.queueKey < min)) min = ticket.queueKey;
    }
    return min;
  }

  countOpen(filter: OpenTicketFilter, priority?: boolean): number {
    return this.open(filter, priority).length;
  }

  countOpenBefore(filter: OpenTicketFilter, queueKey: number, id: number, priority?: boolean): number {
    return this.open(filter, priority).filter((t) => t.queueKey < queueKey || (t.queueKey === queueKey && t.id < id)).length;
  }

  listOpen(filter: OpenTicketFilter, limit: number, priority?: boolean): TicketRecord[] {
    return this.open(filter, priority).slice(0, Math.max(0, limit)).map((t) => ({ ...t }));
  }

  listUnfinishedOtherThan(day: string): TicketRecord[] {
    return this.select((t) => t.day !== day && (isOpenTicket(t) || t.status === 'called'));
  }

  listExpiredAfter(day: string, at: number): TicketRecord[] {
    return this.select((t) => t.day === day && t.status === 'expired' && t.finishedAt !== null && t.finishedAt > at);
  }

  listBookedPastDeadline(now: number): TicketRecord[] {
    return this.select((t) => t.status === 'booked' && t.deadline !== null && t.deadline <= now);
  }

  recentServiceDurations(serviceId: string, day: string, limit: number): number[] {
    // A negative duration (a clock set back during service) says nothing about service time: left out.
    return [...this.tickets.values()]
      .filter((t) => t.status === 'done' && t.serviceId === serviceId && t.day === day && t.calledAt !== null && t.finishedAt !== null && t.finishedAt >= t.calledAt)
      .sort((a, b) => b.finishedAt! - a.finishedAt!)
      .slice(0, Math.max(0, limit))
      .map((t) => t.finishedAt! - t.calledAt!);
  }

  counterDayStats(counter: number, day: string): { served: number; avgServiceMs: number | null } {
    const done = [...this.tickets.values()].filter((t) => t.status === 'done' && t.counter === counter && t.day === day);
    const durations = done.flatMap((t) => (t.calledAt !== null && t.finishedAt !== null ? [Math.max(0, t.finishedAt - t.calledAt)] : []));
    return { served: done.length, avgServiceMs: durations.length === 0 ? null : durations.reduce((a, b) => a + b, 0) / durations.length };
  }

  recentCalls(day: string, limit: number): TicketRecord[] {
    // Newest call first by the order the calls happened (event ids), not by calledAt.
    const lastCall = new Map<number, number>();
    for (const e of this.events) if (e.kind === 'called') lastCall.set(e.ticketId, e.id);
    const order = (t: TicketRecord) => lastCall.get(t.id) ?? -1;
    return [...this.tickets.values()]
      .filter((t) => t.day === day && t.calledAt !== null)
      .sort((a, b) => order(b) - order(a) || b.id - a.id)
      .slice(0, Math.max(0, limit))
      .map((t) => ({ ...t }));
  }

  getCounterState(number: number): CounterStateRecord | null {
    const state = this.counters.get(number);
    return state ? { ...state } : null;
  }

  saveCounterState(state: CounterStateRecord, _at: number): void {
    if (state.currentTicketId !== null && !this.tickets.has(state.currentTicketId)) throw new ConstraintError(`counter ${state.number} cannot serve unknown ticket ${state.currentTicketId}`);
    this.setEntry(this.counters, state.number, { ...state });
  }

  getServiceCurrent(serviceId: string, day: string): string | null {
    const current = this.serviceCurrent.get(serviceId);
    return current && current.day === day ? current.number : null;
  }

  setServiceCurrent(serviceId: string, day: string, number: string): void {
    this.setEntry(this.serviceCurrent, serviceId, { day, number });
  }

  getCommandResult(deviceId: number, requestId: string): string | null {
    return this.commandResults.get(`${deviceId}|${requestId}`) ?? null;
  }

  saveCommandResult(deviceId: number, requestId: string, resultJson: string, _at: number): void {
    const key = `${deviceId}|${requestId}`;
    if (this.commandResults.has(key)) throw new ConstraintError(`request ${requestId} of device ${deviceId} already has a result`);
    this.setEntry(this.commandResults, key, resultJson);
  }

  /** The filter's open tickets in queue order; `priority` keeps one kind. */
  private open(filter: OpenTicketFilter, priority?: boolean): TicketRecord[] {
    const open: TicketRecord[] = [];
    for (const t of this.tickets.values()) {
      if (t.serviceId !== filter.serviceId || !isOpenTicket(t)) continue;
      if (t.status === 'booked' && !(filter.includeBooked && t.deadline !== null && t.deadline > filter.now)) continue;
      if (priority !== undefined && (t.priority !== null) !== priority) continue;
      open.push(t);
    }
    return open.sort(byQueueKey);
  }

  private select(keep: (ticket: TicketRecord) => boolean): TicketRecord[] {
    return [...this.tickets.values()].filter(keep).map((t) => ({ ...t }));
  }

  /** The ticket a unique key points to. */
  private ticketWith(index: Map<string, number>, key: string): TicketRecord | undefined {
    const id = index.get(key);
    return id === undefined ? undefined : this.tickets.get(id);
  }

  private copy(ticket: TicketRecord | undefined): TicketRecord | null {
    return ticket ? { ...ticket } : null;
  }
}
