import type { SqlClient } from '../store/sql-client.js';

export interface CenterLive {
  hubId: string;
  name: string;
  province: string;
  /** The latest service day central has events for (within the last days). */
  day: string | null;
  waiting: number;
  /** Now minus the issue time of the oldest ticket still waiting; null when none waits. */
  longestWaitMs: number | null;
  countersServing: number;
  highWater: number;
  lastSeenAt: string | null;
  /** Not heard from for LAGGING_AFTER_MS (or never). */
  lagging: boolean;
}

export const LAGGING_AFTER_MS = 2 * 60_000;

// The state a ticket is in after its latest event (printing does not change it).
const WAITING = ['ticket.issued', 'ticket.checked-in', 'ticket.transferred', 'ticket.restored'];
const SERVING = ['ticket.called', 'ticket.recalled'];

/**
 * Every center now, from its events of its latest service day: a ticket's latest
 * event says whether it waits or is being served. Only the last three days'
 * partitions are read, and only the province's centers when one is asked for.
 */
export async function centersLive(db: SqlClient, now: number, province?: string): Promise<CenterLive[]> {
  const { rows } = await db.query<{
    id: string; name: string; province: string; day: string | null; waiting: string; oldest: string | null; serving: string; high_water: string; last_seen_at: Date | string | null;
  }>(
    `WITH centers AS (
       SELECT id FROM hubs WHERE disabled_at IS NULL AND ($4::text IS NULL OR province = $4)
     ), recent AS (
       -- Per center, so each is one probe of the (hub_id, day, seq) key, not a scan of the days.
       SELECT c.id AS hub_id, d.day FROM centers c
       CROSS JOIN LATERAL (SELECT MAX(e.day) AS day FROM events e WHERE e.hub_id = c.id AND e.day >= to_timestamp($1 / 1000.0)::date - 3) d
       WHERE d.day IS NOT NULL
     ), latest AS (
       SELECT DISTINCT ON (e.hub_id, e.payload->>'ticketId') e.hub_id, e.kind, (e.payload->>'issuedAt')::bigint AS issued_at, e.payload->>'counter' AS counter
       FROM events e JOIN recent r ON r.hub_id = e.hub_id AND r.day = e.day
       WHERE e.kind LIKE 'ticket.%' AND e.kind NOT IN ('ticket.printed', 'ticket.print-failed')
       ORDER BY e.hub_id, e.payload->>'ticketId', e.seq DESC
     )
     SELECT h.id, h.name, h.province, r.day::text AS day,
            COUNT(l.kind) FILTER (WHERE l.kind = ANY ($2::text[])) AS waiting,
            MIN(l.issued_at) FILTER (WHERE l.kind = ANY ($2::text[])) AS oldest,
            COUNT(DISTINCT l.counter) FILTER (WHERE l.kind = ANY ($3::text[])) AS serving,
            p.high_water, p.last_seen_at
     FROM hubs h JOIN hub_progress p ON p.hub_id = h.id
     LEFT JOIN recent r ON r.hub_id = h.id LEFT JOIN latest l ON l.hub_id = h.id
     WHERE h.id IN (SELECT id FROM centers)
     GROUP BY h.id, h.name, h.province, r.day, p.high_water, p.last_seen_at
     ORDER BY h.province, h.name`,
    [now, WAITING, SERVING, province ?? null],
  );
  return rows.map((r) => {
    const lastSeen = r.last_seen_at === null ? null : new Date(r.last_seen_at);
    return {
      hubId: r.id,
      name: r.name,
      province: r.province,
      day: r.day,
      waiting: Number(r.waiting),
      longestWaitMs: r.oldest === null ? null : Math.max(0, now - Number(r.oldest)),
      countersServing: Number(r.serving),
      highWater: Number(r.high_water),
      lastSeenAt: lastSeen?.toISOString() ?? null,
      lagging: !lastSeen || now - lastSeen.getTime() > LAGGING_AFTER_MS,
    };
  });
}
