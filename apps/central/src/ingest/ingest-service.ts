import { CentralErrorCode, type CentralEvent, type CentralIngestAnswer } from '@layso/shared';
import type { DayPartitions } from '../store/day-partitions.js';
import type { SqlClient } from '../store/sql-client.js';

/** A refusal the HTTP layer maps to the wire (central-server.ts). */
export class IngestRefusal extends Error {
  constructor(
    readonly code: CentralErrorCode,
    message: string,
    readonly highWater?: number,
  ) {
    super(message);
  }
}

/**
 * Stores one hub's batch exactly once. The batch must be consecutive seqs starting at
 * or below high-water + 1: what central holds already is skipped (a re-sent or
 * replayed batch counts once), a batch starting past it is a gap and is refused with
 * the high-water mark so the hub resends from there. The hub's progress row is locked
 * for the transaction, so two copies of one batch in flight still store it once.
 */
export class IngestService {
  constructor(
    private readonly db: SqlClient,
    private readonly partitions: DayPartitions,
  ) {}

  async ingest(hubId: string, events: readonly CentralEvent[]): Promise<CentralIngestAnswer> {
    events.forEach((event, i) => {
      const first = events[0]!.seq;
      if (event.seq !== first + i) throw new IngestRefusal(CentralErrorCode.OUT_OF_ORDER, `events must be consecutive seqs: ${event.seq} follows ${first + i - 1}`);
    });
    await this.partitions.ensure(events.map((e) => e.day));
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ high_water: string }>('SELECT high_water FROM hub_progress WHERE hub_id = $1 FOR UPDATE', [hubId]);
      if (!rows[0]) throw new IngestRefusal(CentralErrorCode.UNKNOWN_HUB, `hub ${hubId} is not registered`);
      const highWater = Number(rows[0].high_water);
      const first = events[0]?.seq;
      if (first !== undefined && first > highWater + 1) {
        throw new IngestRefusal(CentralErrorCode.GAP, `batch starts at seq ${first}, central holds up to ${highWater}`, highWater);
      }
      const fresh = events.filter((e) => e.seq > highWater);
      let accepted = 0;
      if (fresh.length > 0) {
        const rows = fresh.map((e) => ({ seq: e.seq, kind: e.kind, day: e.day, at: e.occurredAt, payload: e.payload }));
        const inserted = await tx.query(
          `INSERT INTO events (hub_id, seq, kind, day, occurred_at, payload)
           SELECT $1, e.seq, e.kind, e.day::date, to_timestamp(e.at / 1000.0), e.payload
           FROM jsonb_to_recordset($2::jsonb) AS e (seq bigint, kind text, day text, at bigint, payload jsonb)
           ON CONFLICT DO NOTHING`,
          [hubId, JSON.stringify(rows)],
        );
        accepted = inserted.rowCount;
      }
      const last = fresh.at(-1);
      await tx.query(
        `UPDATE hub_progress SET high_water = GREATEST(high_water, $2), event_count = event_count + $3, last_seen_at = now(),
           last_event_at = COALESCE(to_timestamp($4 / 1000.0), last_event_at) WHERE hub_id = $1`,
        [hubId, last?.seq ?? highWater, accepted, last?.occurredAt ?? null],
      );
      return { accepted, duplicates: events.length - fresh.length, highWater: last?.seq ?? highWater };
    });
  }
}
