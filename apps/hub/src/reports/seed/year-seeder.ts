import type Database from 'better-sqlite3';
import { countersOf, SEED_SERVICES, serviceId, servicePrefix } from './seed-center.js';
import { dayStart, prng } from './seed-random.js';
import { QUEUE_KEY_STEP } from '../../queue/ports.js';

const MINUTE = 60_000;
/** Tickets per service on a weekday, on average; Saturday (morning only) gets 55 %. */
const WEEKDAY_PER_SERVICE = 866;
/** A prefix's sequence runs 001–999 per day. */
const MAX_PER_SERVICE = 999;

/**
 * Arrival weight of each minute of the day (local): closed before 07:30, over lunch
 * (11:30–13:30) and after 17:00; a peak around 08:45 and a smaller one around 14:30.
 */
function arrivalWeight(minute: number, saturday: boolean): number {
  const open = saturday ? minute >= 450 && minute < 690 : (minute >= 450 && minute < 690) || (minute >= 810 && minute < 1020);
  if (!open) return 0;
  const bump = (center: number, width: number, height: number) => height * Math.exp(-(((minute - center) / width) ** 2));
  return 0.25 + bump(525, 55, 1.6) + bump(870, 60, 0.9) + (minute > 660 && minute < 690 ? -0.15 : 0);
}

/** Cumulative arrival weights over the 1440 minutes of a day, for sampling. */
function arrivalCdf(saturday: boolean): Float64Array {
  const cdf = new Float64Array(1440);
  let total = 0;
  for (let m = 0; m < 1440; m++) {
    total += Math.max(0, arrivalWeight(m, saturday));
    cdf[m] = total;
  }
  for (let m = 0; m < 1440; m++) cdf[m]! /= total;
  return cdf;
}

export interface SeedDayResult {
  tickets: number;
}

/**
 * A realistic history written straight into the hub's schema (no queue core: five
 * million tickets through the core would take hours): morning peak, lunch dip, a
 * smaller afternoon peak; walk-in, online (checked in, or expired unseen), priority,
 * no-shows, transfers, recalls, cancellations, tickets left at closing that expire;
 * two clerks per counter (morning, afternoon) and ratings for some served tickets.
 * Only what the reports read is written: tickets, the check-in events of online
 * tickets, sequences and ratings.
 */
export class YearSeeder {
  private readonly random: () => number;
  private readonly stmt;
  private nextId: number;
  private readonly cdf = { weekday: arrivalCdf(false), saturday: arrivalCdf(true) };

  constructor(
    private readonly db: Database.Database,
    seed = 1,
  ) {
    this.random = prng(seed);
    this.stmt = {
      ticket: db.prepare(`INSERT INTO tickets (id, day, number, prefix, seq, service_id, original_service_id, status, priority, source, queue_key,
          issued_at, called_at, first_called_at, finished_at, counter, clerk, recalls, deadline, booking_ref, transferred_from)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      event: db.prepare('INSERT INTO ticket_events (ticket_id, at, kind, service_id, counter, clerk) VALUES (?, ?, ?, ?, NULL, NULL)'),
      sequence: db.prepare('INSERT INTO sequences (day, prefix, last_seq) VALUES (?, ?, ?) ON CONFLICT (day, prefix) DO UPDATE SET last_seq = excluded.last_seq'),
      rating: db.prepare('INSERT INTO ratings (ticket_id, day, counter, service_id, clerk, score, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    this.nextId = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM tickets').get() as { m: number }).m + 1;
  }

  /**
   * One finished service day of all 20 services, in one transaction. `asWeekday`
   * seeds a weekday's pattern whatever the date (the bench's "today"); `scale`
   * shrinks the volume (leaving numbers free for live issuing).
   */
  seedDay(day: string, options: { asWeekday?: boolean; scale?: number } = {}): SeedDayResult {
    const weekday = options.asWeekday ? 1 : new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0) return { tickets: 0 };
    const saturday = weekday === 6;
    let tickets = 0;
    this.db.transaction(() => {
      for (let s = 0; s < SEED_SERVICES; s++) {
        const mean = WEEKDAY_PER_SERVICE * (saturday ? 0.55 : 1) * (options.scale ?? 1) * (0.85 + 0.3 * this.random());
        const count = Math.min(MAX_PER_SERVICE, Math.round(mean));
        const times = Array.from({ length: count }, () => this.arrival(day, saturday)).sort((a, b) => a - b);
        times.forEach((issuedAt, i) => this.ticket(day, s, i + 1, issuedAt));
        this.stmt.sequence.run(day, servicePrefix(s), count);
        tickets += count;
      }
    })();
    return { tickets };
  }

  private arrival(day: string, saturday: boolean): number {
    const cdf = saturday ? this.cdf.saturday : this.cdf.weekday;
    const u = this.random();
    let lo = 0;
    let hi = 1439;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return dayStart(day) + lo * MINUTE + Math.floor(this.random() * MINUTE);
  }

  private exp(mean: number): number {
    return -Math.log(1 - this.random()) * mean;
  }

  private ticket(day: string, s: number, seq: number, issuedAt: number): void {
    const id = this.nextId++;
    const r = () => this.random();
    const minuteOfDay = (issuedAt - dayStart(day)) / MINUTE;
    const closing = dayStart(day) + (minuteOfDay < 720 ? 690 : 1020) * MINUTE;
    const online = r() < 0.12;
    const priority = r() < 0.06 ? 'nguoi-cao-tuoi' : null;
    const source = online ? 'portal' : r() < 0.01 ? 'admin' : 'kiosk';
    // Waits grow with the morning crowd; priority tickets wait less.
    const peak = Math.exp(-(((minuteOfDay - 540) / 70) ** 2));
    const meanWait = (6 + 22 * peak) * (priority ? 0.35 : 1);
    let start = issuedAt;
    let checkedIn: number | null = null;
    let status: string;
    if (online && r() < 0.1) status = 'expired'; // booked, never came
    else if (r() < 0.02) status = 'cancelled';
    else status = 'served';
    if (online && status === 'served') {
      checkedIn = issuedAt + Math.floor(r() * 25 * MINUTE);
      start = checkedIn;
    }
    let counter: number | null = null;
    let clerk: string | null = null;
    let firstCalledAt: number | null = null;
    let calledAt: number | null = null;
    let finishedAt: number | null;
    let serviceIndex = s;
    let transferredFrom: string | null = null;
    let recalls = 0;
    if (status === 'served') {
      firstCalledAt = start + Math.floor(this.exp(meanWait) * MINUTE);
      // Those still waiting at closing time are not called: they expire at rollover.
      if (firstCalledAt > closing + 20 * MINUTE) status = 'expired';
    }
    if (status === 'expired') {
      finishedAt = online && checkedIn === null ? issuedAt + 30 * MINUTE : dayStart(day) + 1440 * MINUTE;
      firstCalledAt = null;
    } else if (status === 'cancelled') {
      finishedAt = issuedAt + Math.floor(r() * 40 * MINUTE);
    } else {
      calledAt = firstCalledAt;
      if (r() < 0.02) {
        // Transferred to another service after the first call, served there.
        transferredFrom = serviceId(s);
        serviceIndex = (s + 1 + Math.floor(r() * (SEED_SERVICES - 1))) % SEED_SERVICES;
        calledAt = firstCalledAt! + Math.floor((3 + r() * 12) * MINUTE);
      }
      const counters = countersOf(serviceIndex);
      counter = r() < 0.65 ? counters[0]! : counters[1]!;
      clerk = `cb${counter}${(calledAt! - dayStart(day)) / MINUTE < 720 ? 'a' : 'b'}`;
      if (r() < 0.05) recalls = 1;
      if (r() < 0.065) {
        status = 'skipped';
        finishedAt = calledAt! + MINUTE + Math.floor(r() * MINUTE);
      } else {
        status = 'done';
        finishedAt = calledAt! + Math.floor((1.5 + this.exp(6)) * MINUTE);
      }
    }
    const prefix = servicePrefix(s);
    this.stmt.ticket.run(
      id,
      day,
      prefix + String(seq).padStart(3, '0'),
      prefix,
      seq,
      serviceId(serviceIndex),
      serviceId(s),
      status,
      priority,
      source,
      id * QUEUE_KEY_STEP,
      issuedAt,
      calledAt,
      firstCalledAt,
      finishedAt,
      counter,
      clerk,
      recalls,
      online ? issuedAt + 30 * MINUTE : null,
      online ? `BK${id}` : null,
      transferredFrom,
    );
    if (checkedIn !== null) this.stmt.event.run(id, checkedIn, 'checked-in', serviceId(s));
    if (status === 'done' && r() < 0.2) {
      const u = r();
      const score = u < 0.5 ? 'very-satisfied' : u < 0.88 ? 'satisfied' : 'unsatisfied';
      this.stmt.rating.run(id, day, counter, serviceId(serviceIndex), clerk, score, score === 'unsatisfied' ? 'waited-too-long' : null, finishedAt! + MINUTE);
    }
  }
}
