import type Database from 'better-sqlite3';
import type { ReportGroupBy } from '@layso/shared';
import { splitServiceKey, WAIT_DIMS, type DayRollup, type ReportRating, type ReportTicket } from './day-aggregate.js';
import { addEncodedHistogram, emptySums, encodeHistogram, FACT_COLUMNS, FACT_FIELDS, histogramFromCounts } from './figures.js';
import { addHours, addServed, emptyGrouped, serviceWaitsFor, type GroupedRange } from './grouped-range.js';

interface TicketRow {
  source: ReportTicket['source'];
  priority: string | null;
  status: string;
  service_id: string;
  original_service_id: string;
  counter: number | null;
  clerk: string | null;
  issued_at: number;
  checked_in_at: number | null;
  first_called_at: number | null;
  called_at: number | null;
  finished_at: number | null;
  recalls: number;
}

const SATISFIED_SCORES = "('very-satisfied', 'satisfied')";

/** The SQL row key of each groupBy over report_facts (same meaning as rowKey()). */
const FACT_KEY_SQL: Record<ReportGroupBy, string> = {
  service: 'service_id',
  counter: "CASE counter WHEN 0 THEN '' ELSE CAST(counter AS TEXT) END",
  clerk: 'clerk',
};

/**
 * Reads tickets and ratings of a day, and writes/reads the report rollups
 * (migration 008). Used by the report worker on its own connection.
 */
export class ReportStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    const sums = FACT_FIELDS.map((f) => `SUM(${FACT_COLUMNS[f]}) AS ${FACT_COLUMNS[f]}`).join(', ');
    this.stmt = {
      // The (day, number) unique index finds a day's tickets; the check-in time is
      // looked up per online ticket through ticket_events_by_ticket.
      dayTickets: db.prepare(`SELECT t.source, t.priority, t.status, t.service_id, t.original_service_id, t.counter, t.clerk, t.issued_at,
          CASE WHEN t.source = 'portal' THEN (SELECT MIN(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'checked-in') END AS checked_in_at,
          t.first_called_at, t.called_at, t.finished_at, t.recalls
        FROM tickets t WHERE t.day = ?`),
      dayRatings: db.prepare(`SELECT service_id, counter, clerk, score IN ${SATISFIED_SCORES} AS satisfied FROM ratings WHERE day = ?`),
      // A built day whose rollup counts other than the day's number of ratings (a citizen rated
      // yesterday's ticket after midnight, even while the rollup was being built) is stale:
      // it is rebuilt like a missing day. Both counts come from an index on day. So is a
      // rollup built "later" than now: it was built while the clock ran ahead (an RTC that
      // jumped a year, set right by NTP), when days that had not happened looked finished.
      builtDays: db
        .prepare(
          `SELECT d.day FROM report_days d WHERE d.day >= ? AND d.day <= ? AND d.built_at <= ?
            AND (SELECT COUNT(*) FROM ratings r WHERE r.day = d.day) = (SELECT COALESCE(SUM(f.ratings), 0) FROM report_facts f WHERE f.day = d.day)`,
        )
        .pluck(),
      today: db.prepare("SELECT value FROM meta WHERE key = 'day'").pluck(),
      deleteDay: ['report_facts', 'report_hourly', 'report_days'].map((table) => db.prepare(`DELETE FROM ${table} WHERE day = ?`)),
      deleteWaits: db.prepare('DELETE FROM report_waits WHERE dim = ? AND day = ?'),
      insertDay: db.prepare('INSERT INTO report_days (day, built_at, tickets) VALUES (?, ?, ?)'),
      insertFact: db.prepare(`INSERT INTO report_facts (day, service_id, counter, clerk, ${FACT_FIELDS.map((f) => FACT_COLUMNS[f]).join(', ')})
        VALUES (?, ?, ?, ?, ${FACT_FIELDS.map(() => '?').join(', ')})`),
      insertWait: db.prepare('INSERT INTO report_waits (dim, day, key, counts) VALUES (?, ?, ?, ?)'),
      insertHour: db.prepare('INSERT INTO report_hourly (day, service_id, hour, arrivals, called, wait_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      facts: Object.fromEntries(
        (Object.keys(FACT_KEY_SQL) as ReportGroupBy[]).map((g) => [g, db.prepare(`SELECT ${FACT_KEY_SQL[g]} AS key, ${sums} FROM report_facts WHERE day >= ? AND day <= ? GROUP BY 1`)]),
      ) as Record<ReportGroupBy, Database.Statement>,
      waits: db.prepare('SELECT key, counts FROM report_waits WHERE dim = ? AND day >= ? AND day <= ?').raw(),
      hourly: db.prepare('SELECT service_id, hour, SUM(arrivals) AS arrivals, SUM(called) AS called, SUM(wait_ms) AS wait_ms FROM report_hourly WHERE day >= ? AND day <= ? GROUP BY service_id, hour'),
      servedByCounter: db.prepare('SELECT counter, SUM(served) AS served FROM report_facts WHERE day >= ? AND day <= ? AND counter <> 0 GROUP BY counter'),
    };
  }

  /** The hub's current service day (set by the queue core). */
  today(): string | null {
    return (this.stmt.today.get() as string | undefined) ?? null;
  }

  dayTickets(day: string): ReportTicket[] {
    return (this.stmt.dayTickets.all(day) as TicketRow[]).map((r) => ({
      source: r.source,
      priority: r.priority !== null,
      status: r.status,
      serviceId: r.service_id,
      originalServiceId: r.original_service_id,
      counter: r.counter,
      clerk: r.clerk,
      issuedAt: r.issued_at,
      checkedInAt: r.checked_in_at,
      firstCalledAt: r.first_called_at,
      calledAt: r.called_at,
      finishedAt: r.finished_at,
      recalls: r.recalls,
    }));
  }

  dayRatings(day: string): ReportRating[] {
    const rows = this.stmt.dayRatings.all(day) as { service_id: string; counter: number | null; clerk: string | null; satisfied: number }[];
    return rows.map((r) => ({ serviceId: r.service_id, counter: r.counter, clerk: r.clerk, satisfied: r.satisfied === 1 }));
  }

  /** Days of [from, to] with a complete rollup built no later than `now`. */
  builtDays(from: string, to: string, now = Number.MAX_SAFE_INTEGER): Set<string> {
    return new Set(this.stmt.builtDays.all(from, to, now) as string[]);
  }

  /** Replaces a day's rollup in one short transaction (the hub keeps writing around it). */
  saveRollup(day: string, rollup: DayRollup, builtAt: number): void {
    this.db.transaction(() => {
      for (const statement of this.stmt.deleteDay) statement.run(day);
      for (const dim of WAIT_DIMS) this.stmt.deleteWaits.run(dim, day);
      for (const { key, sums } of rollup.facts.values()) {
        this.stmt.insertFact.run(day, key.serviceId, key.counter, key.clerk, ...FACT_FIELDS.map((f) => sums[f]));
      }
      for (const dim of WAIT_DIMS) {
        for (const [key, histogram] of rollup.waits[dim]) this.stmt.insertWait.run(dim, day, key, encodeHistogram(histogram));
      }
      for (const [serviceId, hours] of rollup.hourly) {
        hours.forEach((h, hour) => {
          if (h.arrivals > 0 || h.called > 0) this.stmt.insertHour.run(day, serviceId, hour, h.arrivals, h.called, h.waitMs);
        });
      }
      this.stmt.insertDay.run(day, builtAt, rollup.tickets);
    })();
  }

  /** Stored rollups of [from, to] summed per row key of `groupBy`. */
  groupedRange(from: string, to: string, groupBy: ReportGroupBy): GroupedRange {
    const grouped = emptyGrouped();
    for (const row of this.stmt.facts[groupBy].all(from, to) as Record<string, number | string>[]) {
      const sums = emptySums();
      for (const field of FACT_FIELDS) sums[field] = Number(row[FACT_COLUMNS[field]] ?? 0);
      grouped.facts.set(String(row.key), sums);
    }
    // Summed in JS: one row per key and day, far fewer than one per minute bucket.
    const counts = new Map<string, number[]>();
    for (const [key, encoded] of this.stmt.waits.all(groupBy, from, to) as [string, Buffer][]) {
      let into = counts.get(key);
      if (!into) counts.set(key, (into = []));
      addEncodedHistogram(into, encoded);
    }
    for (const [key, perMinute] of counts) grouped.waits.set(key, histogramFromCounts(perMinute));
    // Each row's waits by service, for the per-service targets (the service rows are their own).
    if (groupBy === 'service') for (const [key, histogram] of grouped.waits) serviceWaitsFor(grouped, key).set(key, new Map(histogram));
    else {
      const byService = new Map<string, number[]>();
      for (const [key, encoded] of this.stmt.waits.all(`${groupBy}-service`, from, to) as [string, Buffer][]) {
        let into = byService.get(key);
        if (!into) byService.set(key, (into = []));
        addEncodedHistogram(into, encoded);
      }
      for (const [key, perMinute] of byService) {
        const { serviceId, rowKey } = splitServiceKey(key);
        serviceWaitsFor(grouped, rowKey).set(serviceId, histogramFromCounts(perMinute));
      }
    }
    for (const row of this.stmt.hourly.all(from, to) as { service_id: string; hour: number; arrivals: number; called: number; wait_ms: number }[]) {
      const hours = Array.from({ length: 24 }, () => ({ arrivals: 0, called: 0, waitMs: 0 }));
      hours[row.hour] = { arrivals: row.arrivals, called: row.called, waitMs: row.wait_ms };
      addHours(grouped, row.service_id, hours);
    }
    for (const row of this.stmt.servedByCounter.all(from, to) as { counter: number; served: number }[]) addServed(grouped, row.counter, row.served);
    return grouped;
  }

  /** Clerk code → name, when the admin tables exist (migration 007). */
  clerkNames(): Map<string, string> {
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clerks'").get();
    if (!exists) return new Map();
    const rows = this.db.prepare('SELECT code, name FROM clerks').all() as { code: string; name: string }[];
    return new Map(rows.map((r) => [r.code.toLowerCase(), r.name]));
  }
}

/** The first service day that has tickets (the (day, number) index answers it at once). */
export function oldestTicketDay(db: Database.Database): string | null {
  return (db.prepare('SELECT MIN(day) FROM tickets').pluck().get() as string | null | undefined) ?? null;
}
