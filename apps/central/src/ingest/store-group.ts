import { CentralErrorCode, type CentralEvent, type CentralIngestAnswer } from '@layso/shared';
import { CentralRefusal } from '../http/central-refusal.js';
import { STORE_EVENTS_SQL } from '../rollup/store-events-sql.js';
import type { SqlClient } from '../store/sql-client.js';

/** An ingest refusal (GAP, UNKNOWN_HUB, OUT_OF_ORDER) the HTTP layer maps to the wire. */
export class IngestRefusal extends CentralRefusal {}

export interface GroupItem {
  hubId: string;
  events: readonly CentralEvent[];
}

/**
 * Stores a group of batches (from one or many hubs) in one transaction: the hubs'
 * progress rows are locked in hub order (two groups sharing hubs take turns and never
 * deadlock; groups sharing none touch disjoint rows, rollups included), then each
 * batch is checked against its hub's high-water mark in arrival order, then one
 * INSERT … SELECT FROM unnest with its rollup upserts, then one progress UPDATE.
 * Answers per item: its answer, or the refusal for that item alone.
 */
export async function storeGroup(db: SqlClient, group: readonly GroupItem[], waitTargetMs: number): Promise<Array<CentralIngestAnswer | IngestRefusal>> {
  const hubIds = [...new Set(group.map((item) => item.hubId))];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ hub_id: string; high_water: string }>(
      'SELECT hub_id, high_water FROM hub_progress WHERE hub_id = ANY ($1::text[]) ORDER BY hub_id FOR UPDATE',
      [hubIds],
    );
    const highWater = new Map(rows.map((r) => [r.hub_id, Number(r.high_water)]));
    const lastAt = new Map<string, number>();
    const cols = { hub: [] as string[], seq: [] as number[], kind: [] as string[], day: [] as string[], at: [] as number[], payload: [] as string[] };
    const answers = group.map((item): CentralIngestAnswer | IngestRefusal => {
      const held = highWater.get(item.hubId);
      if (held === undefined) return new IngestRefusal(CentralErrorCode.UNKNOWN_HUB, `hub ${item.hubId} is not registered`);
      const first = item.events[0]?.seq;
      if (first !== undefined && first > held + 1) return new IngestRefusal(CentralErrorCode.GAP, `batch starts at seq ${first}, central holds up to ${held}`, held);
      const fresh = item.events.filter((e) => e.seq > held);
      for (const e of fresh) {
        cols.hub.push(item.hubId);
        cols.seq.push(e.seq);
        cols.kind.push(e.kind);
        cols.day.push(e.day);
        cols.at.push(e.occurredAt);
        cols.payload.push(JSON.stringify(e.payload));
      }
      const last = fresh.at(-1);
      if (last) {
        highWater.set(item.hubId, last.seq);
        lastAt.set(item.hubId, last.occurredAt);
      }
      return { accepted: fresh.length, duplicates: item.events.length - fresh.length, highWater: last?.seq ?? held };
    });
    const inserted = new Map<string, number>();
    if (cols.seq.length > 0) {
      const result = await tx.query<{ hub_id: string; inserted: number }>(STORE_EVENTS_SQL, [cols.hub, cols.seq, cols.kind, cols.day, cols.at, cols.payload, waitTargetMs]);
      for (const r of result.rows) inserted.set(r.hub_id, Number(r.inserted));
    }
    const seen = [...highWater.keys()];
    await tx.query(
      `UPDATE hub_progress p SET high_water = GREATEST(p.high_water, u.hw), event_count = p.event_count + u.n, last_seen_at = now(),
         last_event_at = COALESCE(to_timestamp(u.last_at / 1000.0), p.last_event_at)
       FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[]) AS u (hub_id, hw, n, last_at) WHERE p.hub_id = u.hub_id`,
      [seen, seen.map((h) => highWater.get(h)!), seen.map((h) => inserted.get(h) ?? 0), seen.map((h) => lastAt.get(h) ?? null)],
    );
    return answers;
  });
}
