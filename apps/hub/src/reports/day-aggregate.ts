import { addToHistogram, emptySums, waitMinute, type FactSums, type WaitHistogram } from './figures.js';

/** What the reports need of one ticket (read from `tickets`, plus the check-in time of online tickets). */
export interface ReportTicket {
  source: 'kiosk' | 'portal' | 'admin';
  priority: boolean;
  status: string;
  serviceId: string;
  originalServiceId: string;
  counter: number | null;
  clerk: string | null;
  issuedAt: number;
  /** When an online ticket was checked in ("xác nhận đã đến"); null otherwise. */
  checkedInAt: number | null;
  firstCalledAt: number | null;
  calledAt: number | null;
  finishedAt: number | null;
  recalls: number;
}

export interface ReportRating {
  serviceId: string;
  counter: number | null;
  clerk: string | null;
  satisfied: boolean;
}

/** A rollup row's key: counter 0 and clerk '' mean none. */
export interface FactKey {
  serviceId: string;
  counter: number;
  clerk: string;
}

/**
 * Wait histograms per grouping. `counter-service` and `clerk-service` split a counter's
 * (a clerk's) waits by the service the ticket was issued for (key `service|counter`,
 * `service|clerk`), so the service level of any row counts each citizen against the
 * target of their own service.
 */
export type WaitDim = 'service' | 'counter' | 'clerk' | 'counter-service' | 'clerk-service';
export const WAIT_DIMS: readonly WaitDim[] = ['service', 'counter', 'clerk', 'counter-service', 'clerk-service'];

/** The key of a per-service histogram of a counter or clerk row (service ids have no '|'). */
export function serviceKey(serviceId: string, rowKey: string): string {
  return `${serviceId}|${rowKey}`;
}

export function splitServiceKey(key: string): { serviceId: string; rowKey: string } {
  const bar = key.indexOf('|');
  return { serviceId: key.slice(0, bar), rowKey: key.slice(bar + 1) };
}

export interface HourSums {
  arrivals: number;
  called: number;
  waitMs: number;
}

/** One service day, aggregated: exactly what report_facts/report_waits/report_hourly hold for it. */
export interface DayRollup {
  tickets: number;
  facts: Map<string, { key: FactKey; sums: FactSums }>;
  /** dim → key → histogram. */
  waits: Record<WaitDim, Map<string, WaitHistogram>>;
  /** serviceId → 24 hours. */
  hourly: Map<string, HourSums[]>;
}

/**
 * When the citizen started waiting: at issue for a walk-in ticket; for an online
 * ticket at check-in (arrival at the center) when it was checked in, else at booking
 * (a center without mandatory check-in queues booked tickets from the booking on).
 */
export function waitStart(ticket: ReportTicket): number {
  return ticket.checkedInAt ?? ticket.issuedAt;
}

/**
 * Aggregates one service day's tickets and ratings. The single implementation behind
 * both the stored rollups of finished days and today's live figures.
 *
 * - issued, walk-in/online, priority, transferred, called and waits count under the
 *   service the ticket was issued for (original_service_id);
 * - served, no-show, expired, cancelled, recalls and service time under the service
 *   the ticket ended in (a transferred ticket is served by the target service);
 * - counter and clerk are the ones that last handled the ticket (none if never called);
 * - wait = first call − waitStart: a recall or a transfer does not restart it;
 * - service time = done − last call, for tickets finished "done".
 */
export function aggregateDay(tickets: Iterable<ReportTicket>, ratings: Iterable<ReportRating>, hourOf: (instant: number) => number): DayRollup {
  const rollup: DayRollup = { tickets: 0, facts: new Map(), waits: { service: new Map(), counter: new Map(), clerk: new Map(), 'counter-service': new Map(), 'clerk-service': new Map() }, hourly: new Map() };
  for (const t of tickets) {
    rollup.tickets++;
    const counter = t.counter ?? 0;
    const clerk = t.clerk ?? '';
    const issue = factsFor(rollup, { serviceId: t.originalServiceId, counter, clerk });
    const outcome = t.serviceId === t.originalServiceId ? issue : factsFor(rollup, { serviceId: t.serviceId, counter, clerk });
    issue.issued++;
    if (t.source === 'portal') issue.online++;
    else issue.walkIn++;
    if (t.priority) issue.priority++;
    if (t.serviceId !== t.originalServiceId) issue.transferred++;
    outcome.recalls += t.recalls;
    if (t.status === 'done') {
      outcome.served++;
      if (t.calledAt !== null && t.finishedAt !== null) outcome.serviceMs += Math.max(0, t.finishedAt - t.calledAt);
    } else if (t.status === 'skipped') outcome.noShow++;
    else if (t.status === 'expired') outcome.expired++;
    else if (t.status === 'cancelled') outcome.cancelled++;

    const start = waitStart(t);
    const hour = hoursFor(rollup, t.originalServiceId)[hourOf(start)]!;
    hour.arrivals++;
    if (t.firstCalledAt === null) continue;
    const waitMs = Math.max(0, t.firstCalledAt - start);
    issue.called++;
    issue.waitMs += waitMs;
    hour.called++;
    hour.waitMs += waitMs;
    const minute = waitMinute(waitMs);
    addToHistogram(histogramFor(rollup, 'service', t.originalServiceId), minute, 1);
    const counterKey = counter === 0 ? '' : String(counter);
    addToHistogram(histogramFor(rollup, 'counter', counterKey), minute, 1);
    addToHistogram(histogramFor(rollup, 'clerk', clerk), minute, 1);
    addToHistogram(histogramFor(rollup, 'counter-service', serviceKey(t.originalServiceId, counterKey)), minute, 1);
    addToHistogram(histogramFor(rollup, 'clerk-service', serviceKey(t.originalServiceId, clerk)), minute, 1);
  }
  for (const r of ratings) {
    const sums = factsFor(rollup, { serviceId: r.serviceId, counter: r.counter ?? 0, clerk: r.clerk ?? '' });
    sums.ratings++;
    if (r.satisfied) sums.satisfied++;
  }
  return rollup;
}

export function factKeyString(key: FactKey): string {
  return `${key.serviceId}\u0000${key.counter}\u0000${key.clerk}`;
}

function factsFor(rollup: DayRollup, key: FactKey): FactSums {
  const id = factKeyString(key);
  let entry = rollup.facts.get(id);
  if (!entry) {
    entry = { key, sums: emptySums() };
    rollup.facts.set(id, entry);
  }
  return entry.sums;
}

function histogramFor(rollup: DayRollup, dim: WaitDim, key: string): WaitHistogram {
  let histogram = rollup.waits[dim].get(key);
  if (!histogram) {
    histogram = new Map();
    rollup.waits[dim].set(key, histogram);
  }
  return histogram;
}

function hoursFor(rollup: DayRollup, serviceId: string): HourSums[] {
  let hours = rollup.hourly.get(serviceId);
  if (!hours) {
    hours = Array.from({ length: 24 }, () => ({ arrivals: 0, called: 0, waitMs: 0 }));
    rollup.hourly.set(serviceId, hours);
  }
  return hours;
}
