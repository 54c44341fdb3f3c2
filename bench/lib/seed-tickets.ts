import type { CenterConfig } from '@layso/shared';
import { QueueCore } from '../../apps/hub/src/queue/queue-core.js';
import { SqliteQueueStore } from '../../apps/hub/src/store/sqlite-queue-store.js';
import { countersOf, GROWTH_SERVICES, servicePrefix, serviceId } from './growth-center.js';
import { dayStart, prng } from '../../apps/hub/src/reports/seed/seed-random.js';
import type { Db } from './sqlite.js';

const MINUTE = 60_000;
const QUEUE_KEY_STEP = 1024;

// Shared with the hub's `seed-year` seeder.
export { dayStart } from '../../apps/hub/src/reports/seed/seed-random.js';
export { addDays } from '../../apps/hub/src/reports/calendar-days.js';

type Status = 'waiting' | 'called' | 'done' | 'skipped' | 'expired' | 'cancelled';

/** Writes tickets straight into the hub's schema (no queue core), one prepared statement. */
export class TicketSeeder {
  private readonly insert;
  private readonly setSeq;
  private nextId: number;
  private readonly random: () => number;

  constructor(
    private readonly db: Db,
    seed = 1,
  ) {
    this.insert = db.prepare(`INSERT INTO tickets (id, day, number, prefix, seq, service_id, original_service_id, status, priority, source,
        queue_key, device_id, request_id, issued_at, called_at, first_called_at, finished_at, counter, clerk, recalls, deadline, booking_ref)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
    this.setSeq = db.prepare(`INSERT INTO sequences (day, prefix, last_seq) VALUES (?, ?, ?)
      ON CONFLICT (day, prefix) DO UPDATE SET last_seq = excluded.last_seq`);
    this.nextId = ((db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM tickets').get() as { m: number }).m ?? 0) + 1;
    this.random = prng(seed);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** One ticket; returns its id. Times follow a 07:30–17:00 day spread by sequence. */
  private ticket(day: string, service: number, seq: number, ofDay: number, status: Status, atCounter?: number): number {
    const id = this.nextId++;
    const prefix = servicePrefix(service);
    const issuedAt = dayStart(day) + 450 * MINUTE + Math.floor((seq / ofDay) * 570 * MINUTE) + this.int(0, 59_999);
    const portal = this.random() < 0.1;
    const priority = this.random() < 0.05 ? 'nguoi-cao-tuoi' : null;
    const counters = countersOf(service);
    const counter = status === 'waiting' || status === 'expired' || status === 'cancelled' ? null : (atCounter ?? counters[this.int(0, counters.length - 1)]!);
    const calledAt = counter === null ? null : issuedAt + this.int(2, 40) * MINUTE;
    let finishedAt: number | null = null;
    if (status === 'done') finishedAt = calledAt! + this.int(120, 900) * 1000;
    else if (status === 'skipped') finishedAt = calledAt! + 60_000;
    else if (status === 'expired' || status === 'cancelled') finishedAt = issuedAt + this.int(10, 300) * MINUTE;
    this.insert.run(
      id,
      day,
      prefix + String(seq).padStart(3, '0'),
      prefix,
      seq,
      serviceId(service),
      serviceId(service),
      status,
      priority,
      portal ? 'portal' : 'kiosk',
      id * QUEUE_KEY_STEP,
      portal ? null : 1 + (seq % 4),
      portal ? null : `${Math.floor(this.random() * 2 ** 48).toString(16)}-${id}`,
      issuedAt,
      calledAt,
      calledAt,
      finishedAt,
      counter,
      null,
      portal ? issuedAt + 11 * MINUTE : null,
      portal ? `BK${id}` : null,
    );
    return id;
  }

  private finishedStatus(): Status {
    const r = this.random();
    return r < 0.9 ? 'done' : r < 0.95 ? 'skipped' : r < 0.98 ? 'expired' : 'cancelled';
  }

  /** A past day: every ticket finished (done, skipped, expired, cancelled). Returns the ticket count. */
  pastDay(day: string): number {
    let total = 0;
    this.db.transaction(() => {
      for (let s = 0; s < GROWTH_SERVICES; s++) {
        const n = this.int(500, 870);
        for (let seq = 1; seq <= n; seq++) this.ticket(day, s, seq, n, this.finishedStatus());
        this.setSeq.run(day, servicePrefix(s), n);
        total += n;
      }
    })();
    return total;
  }

  /**
   * Today, mid-day: `perService` tickets per service, the last `waitingPerService` of each
   * still waiting, every counter serving one, the rest finished. Counter state and
   * "current transaction" point at the called tickets, as the hub would have left them.
   */
  today(day: string, perService: number, waitingPerService: number): number {
    const now = Date.now();
    this.db.transaction(() => {
      const setCounter = this.db.prepare('UPDATE counter_state SET current_ticket_id = ?, normal_streak = 1, updated_at = ? WHERE number = ?');
      const setCurrent = this.db.prepare(`INSERT INTO service_current (service_id, day, number) VALUES (?, ?, ?)
        ON CONFLICT (service_id) DO UPDATE SET day = excluded.day, number = excluded.number`);
      for (let s = 0; s < GROWTH_SERVICES; s++) {
        const prefix = servicePrefix(s);
        // The own counter calls one ticket; the helper counter calls one of the even services.
        const callers = s % 2 === 0 ? countersOf(s) : countersOf(s).slice(0, 1);
        const firstWaiting = perService - waitingPerService + 1;
        const firstCalled = firstWaiting - callers.length;
        for (let seq = 1; seq <= perService; seq++) {
          if (seq >= firstWaiting) {
            this.ticket(day, s, seq, perService, 'waiting');
          } else if (seq >= firstCalled) {
            const counter = callers[seq - firstCalled]!;
            const id = this.ticket(day, s, seq, perService, 'called', counter);
            setCounter.run(id, now, counter);
            setCurrent.run(serviceId(s), day, prefix + String(seq).padStart(3, '0'));
          } else {
            this.ticket(day, s, seq, perService, this.finishedStatus());
          }
        }
        this.setSeq.run(day, prefix, perService);
      }
      this.db.prepare(`INSERT INTO meta (key, value) VALUES ('day', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(day);
    })();
    return GROWTH_SERVICES * perService;
  }
}

/** Stores the center configuration and counter rows the way the hub does on first start. */
export function storeCenter(db: Db, config: CenterConfig): void {
  new QueueCore(new SqliteQueueStore(db), { now: () => Date.now() }, config);
}
