import { CentralErrorCode, type CentralEvent, type CentralIngestAnswer } from '@layso/shared';
import { WAIT_TARGET_MS } from '../rollup/store-events-sql.js';
import type { DayPartitions } from '../store/day-partitions.js';
import type { SqlClient } from '../store/sql-client.js';
import { IngestRefusal, storeGroup, type GroupItem } from './store-group.js';

export { IngestRefusal };

export interface IngestOptions {
  /** Groups committing at once (their hubs' rows are locked in order; 1 on PGlite, one connection). */
  concurrency?: number;
  /** Caps on one group: batches and events. */
  maxGroupItems?: number;
  maxGroupEvents?: number;
  waitTargetMs?: number;
}

/** A batch of at most this many events is a hub keeping up (see take()). */
const SMALL_BATCH = 20;

interface Pending extends GroupItem {
  resolve(answer: CentralIngestAnswer): void;
  reject(error: unknown): void;
}

/**
 * Stores hubs' batches exactly once, by group commit: batches arriving while a group
 * is committing wait and go together in the next group, one transaction for all of
 * them (store-group.ts), so a thousand hubs cost a few transactions, not a thousand.
 * No timer: an idle central commits a lone batch at once. A group that fails is
 * retried one batch at a time, so one hub's bad batch fails that hub only.
 *
 * Per batch the rules are unchanged: consecutive seqs, starting at or below
 * high-water + 1; what central holds is skipped, a batch past it is a GAP.
 */
export class IngestService {
  readonly stats = { groups: 0, batches: 0, largestGroup: 0, retriedGroups: 0 };
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private readonly concurrency: number;
  private readonly maxItems: number;
  private readonly maxEvents: number;
  private readonly waitTargetMs: number;

  constructor(
    private readonly db: SqlClient,
    private readonly partitions: DayPartitions,
    options: IngestOptions = {},
  ) {
    this.concurrency = options.concurrency ?? (db.kind === 'pglite' ? 1 : 2);
    this.maxItems = options.maxGroupItems ?? 200;
    this.maxEvents = options.maxGroupEvents ?? 10_000;
    this.waitTargetMs = options.waitTargetMs ?? WAIT_TARGET_MS;
  }

  async ingest(hubId: string, events: readonly CentralEvent[]): Promise<CentralIngestAnswer> {
    events.forEach((event, i) => {
      const first = events[0]!.seq;
      if (event.seq !== first + i) throw new IngestRefusal(CentralErrorCode.OUT_OF_ORDER, `events must be consecutive seqs: ${event.seq} follows ${first + i - 1}`);
    });
    return new Promise((resolve, reject) => {
      this.queue.push({ hubId, events, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0) {
      const group = this.take();
      this.inFlight += 1;
      void this.commit(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /**
   * The next group: small batches first (a hub keeping up sends a few events), then
   * large ones (a hub catching up sends full batches) up to the caps, at least one of
   * them per group. So 500 hubs flushing a day's backlog cannot queue the hubs that
   * stayed online behind it, and the backlog still moves every group.
   */
  private take(): Pending[] {
    const group: Pending[] = [];
    let events = 0;
    let large = 0;
    for (const pass of ['small', 'large'] as const) {
      for (let i = 0; i < this.queue.length && group.length < this.maxItems; ) {
        const item = this.queue[i]!;
        const isSmall = item.events.length <= SMALL_BATCH;
        const fits = events + item.events.length <= this.maxEvents || (pass === 'large' && large === 0) || group.length === 0;
        if (isSmall === (pass === 'small') && fits) {
          group.push(item);
          events += item.events.length;
          if (!isSmall) large += 1;
          this.queue.splice(i, 1);
        } else i += 1;
      }
    }
    return group;
  }

  private async commit(group: Pending[]): Promise<void> {
    this.stats.groups += 1;
    this.stats.batches += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    try {
      settle(group, await this.store(group));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      this.stats.retriedGroups += 1;
      for (const item of group) {
        try {
          settle([item], await this.store([item]));
        } catch (alone) {
          item.reject(alone);
        }
      }
    }
  }

  private async store(group: readonly Pending[]): Promise<Array<CentralIngestAnswer | IngestRefusal>> {
    await this.partitions.ensure(group.flatMap((item) => item.events.map((e) => e.day)));
    return storeGroup(this.db, group, this.waitTargetMs);
  }
}

function settle(group: readonly Pending[], answers: ReadonlyArray<CentralIngestAnswer | IngestRefusal>): void {
  group.forEach((item, i) => {
    const answer = answers[i]!;
    if (answer instanceof IngestRefusal) item.reject(answer);
    else item.resolve(answer);
  });
}
