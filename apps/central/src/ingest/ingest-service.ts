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
    this.maxEvents = options.maxGroupEvents ?? 20_000;
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

  private take(): Pending[] {
    const group: Pending[] = [];
    let events = 0;
    while (this.queue.length > 0 && group.length < this.maxItems) {
      const next = this.queue[0]!;
      if (group.length > 0 && events + next.events.length > this.maxEvents) break;
      group.push(this.queue.shift()!);
      events += next.events.length;
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
