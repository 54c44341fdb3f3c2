import { ErrorCode, RATING_SCORES, type RatingRequest, type RatingScore, type RatingSummary } from '@layso/shared';
import type { Clock } from '../queue/ports.js';
import type { QueueCore } from '../queue/queue-core.js';
import { QueueError } from '../queue/queue-error.js';
import type { RatingRecord, SqliteRatingStore } from './sqlite-rating-store.js';

type Counts = RatingSummary['byCounter'][number];

/** Tallies ratings under a key (counter, service or clerk). */
export function tally(records: readonly RatingRecord[], keyOf: (r: RatingRecord) => string | null): Counts[] {
  const groups = new Map<string, RatingRecord[]>();
  for (const record of records) {
    const key = keyOf(record);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi', { numeric: true })).map(([key, group]) => ({ key, ...counts(group) }));
}

function counts(records: readonly RatingRecord[]): Omit<Counts, 'key'> {
  const byScore = Object.fromEntries(RATING_SCORES.map((s) => [s, records.filter((r) => r.score === s).length])) as Record<RatingScore, number>;
  const total = records.length;
  return { total, counts: byScore, satisfiedShare: total === 0 ? 0 : (byScore['very-satisfied'] + byScore.satisfied) / total };
}

/** "Ông/bà có hài lòng với sự phục vụ?": one rating per finished ticket, summaries for the admin. */
export class RatingService {
  constructor(
    private readonly core: QueueCore,
    private readonly store: SqliteRatingStore,
    private readonly clock: Clock,
  ) {}

  /** `counter`: a counter token may rate only tickets its own counter served. */
  rate(request: RatingRequest, counter: number | null): RatingRecord & { number: string } {
    const ticket = 'ticketId' in request ? this.core.getTicket(request.ticketId) : this.core.findTicket(request.day, request.number);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, 'no such ticket');
    if (ticket.status !== 'done') throw new QueueError(ErrorCode.CONFLICT, `ticket ${ticket.number} is ${ticket.status}; only finished tickets are rated`);
    if (counter !== null && ticket.counter !== counter) throw new QueueError(ErrorCode.FORBIDDEN, `ticket ${ticket.number} was not served at counter ${counter}`);
    const record: RatingRecord = {
      ticketId: ticket.id,
      day: ticket.day,
      counter: ticket.counter,
      serviceId: ticket.serviceId,
      clerk: ticket.clerk,
      score: request.score,
      reason: request.score === 'unsatisfied' ? (request.reason ?? null) : null,
      at: this.clock.now(),
    };
    if (!this.store.insert(record)) throw new QueueError(ErrorCode.CONFLICT, `ticket ${ticket.number} was already rated`);
    return { ...record, number: ticket.number };
  }

  summary(from: string, to: string, counter: number | null): RatingSummary {
    const records = this.store.list(from, to, counter);
    const all = counts(records);
    return {
      from,
      to,
      total: all.total,
      satisfiedShare: all.satisfiedShare,
      byCounter: tally(records, (r) => (r.counter === null ? null : String(r.counter))),
      byService: tally(records, (r) => r.serviceId),
      byClerk: tally(records, (r) => r.clerk),
    };
  }
}
