import type Database from 'better-sqlite3';
import { centerConfigSchema, type CenterConfig } from '@layso/shared';
import { newTicketRecord, QUEUE_KEY_STEP, type CounterStateRecord, type NewTicket, type OpenTicketFilter, type QueueStore, type TicketEventRecord, type TicketPatch, type TicketRecord } from '../queue/ports.js';
import { OpenTicketCounts, type CountedTicket } from './open-ticket-counts.js';

interface TicketRow {
  id: number;
  day: string;
  number: string;
  prefix: string;
  seq: number;
  service_id: string;
  original_service_id: string;
  status: TicketRecord['status'];
  priority: string | null;
  source: TicketRecord['source'];
  queue_key: number;
  device_id: number | null;
  request_id: string | null;
  issued_at: number;
  called_at: number | null;
  first_called_at: number | null;
  finished_at: number | null;
  counter: number | null;
  clerk: string | null;
  recalls: number;
  deadline: number | null;
  booking_ref: string | null;
  transferred_from: string | null;
}

function toRecord(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    day: row.day,
    number: row.number,
    prefix: row.prefix,
    seq: row.seq,
    serviceId: row.service_id,
    originalServiceId: row.original_service_id,
    status: row.status,
    priority: row.priority,
    source: row.source,
    queueKey: row.queue_key,
    deviceId: row.device_id,
    requestId: row.request_id,
    issuedAt: row.issued_at,
    calledAt: row.called_at,
    firstCalledAt: row.first_called_at,
    finishedAt: row.finished_at,
    counter: row.counter,
    clerk: row.clerk,
    recalls: row.recalls,
    deadline: row.deadline,
    bookingRef: row.booking_ref,
    transferredFrom: row.transferred_from,
  };
}

const PATCH_COLUMNS: Record<keyof TicketPatch, string> = {
  status: 'status',
  serviceId: 'service_id',
  queueKey: 'queue_key',
  calledAt: 'called_at',
  firstCalledAt: 'first_called_at',
  finishedAt: 'finished_at',
  counter: 'counter',
  clerk: 'clerk',
  recalls: 'recalls',
  transferredFrom: 'transferred_from',
  deadline: 'deadline',
};

// The open-ticket predicate, written so SQLite can use the partial index
// tickets_open_queue (its WHERE must be implied by the query's).
const OPEN = `status IN ('booked', 'waiting') AND service_id = @serviceId
  AND (status = 'waiting' OR (@includeBooked = 1 AND deadline > @now))`;

/**
 * The queue core's storage on better-sqlite3: every statement prepared once. Open
 * ticket counts, a ticket's place in its queue and recent service times, asked for on
 * every issue and every ticket page, are answered from memory kept in step with every
 * write (see OpenTicketCounts).
 */
export class SqliteQueueStore implements QueueStore {
  private readonly stmt;
  private readonly openCounts = new OpenTicketCounts();
  /** recentServiceDurations results by service|day|limit; dropped when a ticket of the service changes status. */
  private readonly durations = new Map<string, number[]>();

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.stmt = {
      loadConfig: p('SELECT config_json FROM center_config WHERE id = 1'),
      saveConfig: p(`INSERT INTO center_config (id, config_json, updated_at) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`),
      getMeta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      lastSeq: p('SELECT last_seq FROM sequences WHERE day = ? AND prefix = ?'),
      setLastSeq: p(`INSERT INTO sequences (day, prefix, last_seq) VALUES (?, ?, ?)
        ON CONFLICT (day, prefix) DO UPDATE SET last_seq = excluded.last_seq`),
      // Numbers are prefix + three digits, so a prefix's tickets are one range of the
      // UNIQUE (day, number) index: the highest is its last entry, found without a scan.
      highestSeq: p(`SELECT seq FROM tickets WHERE day = @day AND number >= @low AND number <= @high AND prefix = @prefix
        ORDER BY number DESC LIMIT 1`),
      insertTicket: p(`INSERT INTO tickets (day, number, prefix, seq, service_id, original_service_id, status, priority,
          source, queue_key, device_id, request_id, issued_at, deadline, booking_ref)
        VALUES (@day, @number, @prefix, @seq, @serviceId, @originalServiceId, @status, @priority, @source,
          (SELECT COALESCE(MAX(id), 0) + 1 FROM tickets) * ${QUEUE_KEY_STEP}, @deviceId, @requestId, @issuedAt, @deadline, @bookingRef)`),
      getTicket: p('SELECT * FROM tickets WHERE id = ?'),
      countedTicket: p('SELECT id, queue_key AS queueKey, service_id AS serviceId, status, priority, deadline FROM tickets WHERE id = ?'),
      openTickets: p(`SELECT id, queue_key AS queueKey, service_id AS serviceId, status, priority, deadline FROM tickets WHERE status IN ('booked', 'waiting')`),
      getTicketByNumber: p('SELECT * FROM tickets WHERE day = ? AND number = ?'),
      getTicketByRequest: p('SELECT * FROM tickets WHERE device_id = ? AND request_id = ?'),
      getTicketByBookingRef: p('SELECT * FROM tickets WHERE booking_ref = ? ORDER BY id DESC LIMIT 1'),
      addTicketEvent: p(`INSERT INTO ticket_events (ticket_id, at, kind, service_id, counter, clerk)
        VALUES (@ticketId, @at, @kind, @serviceId, @counter, @clerk)`),
      ticketEvents: p(`SELECT id, ticket_id AS ticketId, at, kind, service_id AS serviceId, counter, clerk
        FROM ticket_events WHERE ticket_id = ? ORDER BY id`),
      // A range scan from the given event on (the rowid): a few rows, however old the table.
      countCounterEventsAfter: p('SELECT COUNT(*) AS n FROM ticket_events WHERE id > ? AND counter = ?'),
      queueHead: p(`SELECT * FROM tickets WHERE ${OPEN} AND (priority IS NOT NULL) = @priority
        ORDER BY queue_key, id LIMIT 1`),
      minQueueKey: p(`SELECT MIN(queue_key) AS k FROM tickets WHERE status IN ('booked', 'waiting') AND service_id = ?`),
      countOpen: p(`SELECT COUNT(*) AS n FROM tickets WHERE ${OPEN}`),
      countOpenByPriority: p(`SELECT COUNT(*) AS n FROM tickets WHERE ${OPEN} AND (priority IS NOT NULL) = @priority`),
      countOpenBefore: p(`SELECT COUNT(*) AS n FROM tickets WHERE ${OPEN}
        AND (queue_key < @queueKey OR (queue_key = @queueKey AND id < @id))`),
      countOpenBeforeByPriority: p(`SELECT COUNT(*) AS n FROM tickets WHERE ${OPEN}
        AND (queue_key < @queueKey OR (queue_key = @queueKey AND id < @id)) AND (priority IS NOT NULL) = @priority`),
      listOpen: p(`SELECT * FROM tickets WHERE ${OPEN} ORDER BY queue_key, id LIMIT @limit`),
      listOpenByPriority: p(`SELECT * FROM tickets WHERE ${OPEN} AND (priority IS NOT NULL) = @priority ORDER BY queue_key, id LIMIT @limit`),
      listUnfinishedOtherThan: p(`SELECT * FROM tickets WHERE status IN ('booked', 'waiting', 'called') AND day <> ?`),
      // Through the (day, number) index: only after the clock was set back, rarely.
      listExpiredAfter: p(`SELECT * FROM tickets WHERE day = ? AND status = 'expired' AND finished_at > ? ORDER BY id`),
      listBookedPastDeadline: p(`SELECT * FROM tickets WHERE status = 'booked' AND deadline <= ?`),
      // A clock set back while a citizen was served gives a negative duration: it says
      // nothing about how long service takes, so it is left out (reports count it as 0).
      recentServiceDurations: p(`SELECT finished_at - called_at AS d FROM tickets
        WHERE status = 'done' AND service_id = ? AND day = ? AND called_at IS NOT NULL AND finished_at >= called_at
        ORDER BY finished_at DESC LIMIT ?`),
      counterDayStats: p(`SELECT COUNT(*) AS served, AVG(MAX(0, finished_at - called_at)) AS avg FROM tickets
        WHERE status = 'done' AND counter = ? AND day = ?`),
      // Newest call first by the order the calls happened (their event ids), not by
      // called_at: after the clock was set back, a later call has an earlier time.
      recentCalls: p(`SELECT t.* FROM tickets t WHERE t.day = ? AND t.called_at IS NOT NULL
        ORDER BY (SELECT MAX(e.id) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'called') DESC, t.id DESC LIMIT ?`),
      getCounterState: p('SELECT number, status, current_ticket_id, normal_streak FROM counter_state WHERE number = ?'),
      saveCounterState: p(`INSERT INTO counter_state (number, status, current_ticket_id, normal_streak, updated_at)
        VALUES (@number, @status, @currentTicketId, @normalStreak, @at)
        ON CONFLICT (number) DO UPDATE SET status = excluded.status, current_ticket_id = excluded.current_ticket_id,
          normal_streak = excluded.normal_streak, updated_at = excluded.updated_at`),
      getServiceCurrent: p('SELECT number FROM service_current WHERE service_id = ? AND day = ?'),
      setServiceCurrent: p(`INSERT INTO service_current (service_id, day, number) VALUES (?, ?, ?)
        ON CONFLICT (service_id) DO UPDATE SET day = excluded.day, number = excluded.number`),
      getCommandResult: p('SELECT result_json FROM command_results WHERE device_id = ? AND request_id = ?'),
      saveCommandResult: p('INSERT INTO command_results (device_id, request_id, result_json, at) VALUES (?, ?, ?, ?)'),
    };
    this.openCounts.load(this.stmt.openTickets.iterate() as IterableIterator<CountedTicket>);
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.openCounts.within(() => this.db.transaction(fn)());
    } catch (error) {
      // Durations read inside the rolled-back part may include its changes.
      this.durations.clear();
      throw error;
    }
  }

  loadConfig(): CenterConfig | null {
    const row = this.stmt.loadConfig.get() as { config_json: string } | undefined;
    return row ? centerConfigSchema.parse(JSON.parse(row.config_json)) : null;
  }

  saveConfig(config: CenterConfig, at: number): void {
    this.stmt.saveConfig.run(JSON.stringify(config), at);
  }

  getMeta(key: string): string | null {
    return (this.stmt.getMeta.get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt.setMeta.run(key, value);
  }

  lastSeq(day: string, prefix: string): number {
    return (this.stmt.lastSeq.get(day, prefix) as { last_seq: number } | undefined)?.last_seq ?? 0;
  }

  setLastSeq(day: string, prefix: string, seq: number): void {
    this.stmt.setLastSeq.run(day, prefix, seq);
  }

  highestSeq(day: string, prefix: string): number {
    const row = this.stmt.highestSeq.get({ day, prefix, low: `${prefix}000`, high: `${prefix}999` }) as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  insertTicket(ticket: NewTicket): TicketRecord {
    // No `RETURNING *`: reading the row back cost a third of the insert. A new row's id
    // is one more than the largest before it (no AUTOINCREMENT), which is exactly what
    // the queue key was computed from, so the record is known without asking.
    const id = Number(this.stmt.insertTicket.run(ticket).lastInsertRowid);
    const record = newTicketRecord(ticket, id);
    this.openCounts.record(null, record);
    return record;
  }

  getTicket(id: number): TicketRecord | null {
    return this.one(this.stmt.getTicket.get(id));
  }

  getTicketByNumber(day: string, number: string): TicketRecord | null {
    return this.one(this.stmt.getTicketByNumber.get(day, number));
  }

  getTicketByRequest(deviceId: number, requestId: string): TicketRecord | null {
    return this.one(this.stmt.getTicketByRequest.get(deviceId, requestId));
  }

  getTicketByBookingRef(bookingRef: string): TicketRecord | null {
    return this.one(this.stmt.getTicketByBookingRef.get(bookingRef));
  }

  private readonly patchStatements = new Map<string, Database.Statement>();

  updateTicket(id: number, patch: TicketPatch): void {
    const keys = (Object.keys(patch) as (keyof TicketPatch)[]).filter((k) => patch[k] !== undefined).sort();
    if (keys.length === 0) return;
    // One prepared statement per distinct set of columns, cached: the core uses a handful.
    const cacheKey = keys.join(',');
    let statement = this.patchStatements.get(cacheKey);
    if (!statement) {
      statement = this.db.prepare(`UPDATE tickets SET ${keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ')} WHERE id = @id`);
      this.patchStatements.set(cacheKey, statement);
    }
    const counted = patch.status !== undefined || patch.serviceId !== undefined || patch.deadline !== undefined || patch.queueKey !== undefined;
    const before = counted ? (this.stmt.countedTicket.get(id) as CountedTicket | undefined) : undefined;
    statement.run({ ...Object.fromEntries(keys.map((k) => [k, patch[k]])), id });
    if (!before) return;
    const after: CountedTicket = {
      id: before.id,
      queueKey: patch.queueKey ?? before.queueKey,
      serviceId: patch.serviceId ?? before.serviceId,
      status: patch.status ?? before.status,
      priority: before.priority,
      deadline: patch.deadline !== undefined ? patch.deadline : before.deadline,
    };
    this.openCounts.record(before, after);
    if (after.status !== before.status) this.forgetDurations(before.serviceId, after.serviceId);
  }

  private forgetDurations(...serviceIds: string[]): void {
    for (const key of this.durations.keys()) {
      if (serviceIds.includes(key.slice(0, key.indexOf('|')))) this.durations.delete(key);
    }
  }

  addTicketEvent(event: { ticketId: number; at: number; kind: string; serviceId: string; counter: number | null; clerk: string | null }): void {
    this.stmt.addTicketEvent.run(event);
  }

  ticketEvents(ticketId: number): TicketEventRecord[] {
    return this.stmt.ticketEvents.all(ticketId) as TicketEventRecord[];
  }

  countCounterEventsAfter(counter: number, afterId: number): number {
    return (this.stmt.countCounterEventsAfter.get(afterId, counter) as { n: number }).n;
  }

  queueHead(filter: OpenTicketFilter, priority: boolean): TicketRecord | null {
    return this.one(this.stmt.queueHead.get({ ...this.filterParams(filter), priority: priority ? 1 : 0 }));
  }

  minQueueKey(serviceId: string): number | null {
    return (this.stmt.minQueueKey.get(serviceId) as { k: number | null }).k;
  }

  countOpen(filter: OpenTicketFilter, priority?: boolean): number {
    return this.openCounts.count(filter, priority);
  }

  /** The same count straight from SQLite: the reference the in-memory counts are tested against. */
  countOpenInDatabase(filter: OpenTicketFilter, priority?: boolean): number {
    const params = this.filterParams(filter);
    const row = priority === undefined ? this.stmt.countOpen.get(params) : this.stmt.countOpenByPriority.get({ ...params, priority: priority ? 1 : 0 });
    return (row as { n: number }).n;
  }

  countOpenBefore(filter: OpenTicketFilter, queueKey: number, id: number, priority?: boolean): number {
    return this.openCounts.countBefore(filter, queueKey, id, priority);
  }

  /** The same count straight from SQLite: the reference the in-memory order is tested against. */
  countOpenBeforeInDatabase(filter: OpenTicketFilter, queueKey: number, id: number, priority?: boolean): number {
    const params = { ...this.filterParams(filter), queueKey, id };
    const row =
      priority === undefined
        ? this.stmt.countOpenBefore.get(params)
        : this.stmt.countOpenBeforeByPriority.get({ ...params, priority: priority ? 1 : 0 });
    return (row as { n: number }).n;
  }

  listOpen(filter: OpenTicketFilter, limit: number, priority?: boolean): TicketRecord[] {
    const rows = priority === undefined ? this.stmt.listOpen.all({ ...this.filterParams(filter), limit }) : this.stmt.listOpenByPriority.all({ ...this.filterParams(filter), limit, priority: priority ? 1 : 0 });
    return (rows as TicketRow[]).map(toRecord);
  }

  listUnfinishedOtherThan(day: string): TicketRecord[] {
    return (this.stmt.listUnfinishedOtherThan.all(day) as TicketRow[]).map(toRecord);
  }

  listExpiredAfter(day: string, at: number): TicketRecord[] {
    return (this.stmt.listExpiredAfter.all(day, at) as TicketRow[]).map(toRecord);
  }

  listBookedPastDeadline(now: number): TicketRecord[] {
    return (this.stmt.listBookedPastDeadline.all(now) as TicketRow[]).map(toRecord);
  }

  recentServiceDurations(serviceId: string, day: string, limit: number): number[] {
    const key = `${serviceId}|${day}|${limit}`;
    let durations = this.durations.get(key);
    if (!durations) {
      durations = (this.stmt.recentServiceDurations.all(serviceId, day, limit) as { d: number }[]).map((r) => r.d);
      this.durations.set(key, durations);
    }
    return durations;
  }

  counterDayStats(counter: number, day: string): { served: number; avgServiceMs: number | null } {
    const row = this.stmt.counterDayStats.get(counter, day) as { served: number; avg: number | null };
    return { served: row.served, avgServiceMs: row.avg };
  }

  recentCalls(day: string, limit: number): TicketRecord[] {
    return (this.stmt.recentCalls.all(day, limit) as TicketRow[]).map(toRecord);
  }

  getCounterState(number: number): CounterStateRecord | null {
    const row = this.stmt.getCounterState.get(number) as
      | { number: number; status: CounterStateRecord['status']; current_ticket_id: number | null; normal_streak: number }
      | undefined;
    return row ? { number: row.number, status: row.status, currentTicketId: row.current_ticket_id, normalStreak: row.normal_streak } : null;
  }

  saveCounterState(state: CounterStateRecord, at: number): void {
    this.stmt.saveCounterState.run({ ...state, at });
  }

  getServiceCurrent(serviceId: string, day: string): string | null {
    return (this.stmt.getServiceCurrent.get(serviceId, day) as { number: string } | undefined)?.number ?? null;
  }

  setServiceCurrent(serviceId: string, day: string, number: string): void {
    this.stmt.setServiceCurrent.run(serviceId, day, number);
  }

  getCommandResult(deviceId: number, requestId: string): string | null {
    return (this.stmt.getCommandResult.get(deviceId, requestId) as { result_json: string } | undefined)?.result_json ?? null;
  }

  saveCommandResult(deviceId: number, requestId: string, resultJson: string, at: number): void {
    this.stmt.saveCommandResult.run(deviceId, requestId, resultJson, at);
  }

  private filterParams(filter: OpenTicketFilter) {
    return { serviceId: filter.serviceId, includeBooked: filter.includeBooked ? 1 : 0, now: filter.now };
  }

  private one(row: unknown): TicketRecord | null {
    return row ? toRecord(row as TicketRow) : null;
  }
}
