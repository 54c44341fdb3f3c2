/** A call at or under this wait counts as "served within target" in the rollups. */
export const WAIT_TARGET_MS = 15 * 60_000;

// The rollup columns, in the order both tables and the upsert below list them.
export const ROLLUP_COLUMNS = ['issued', 'online', 'called', 'served', 'no_show', 'wait_ms_sum', 'within_target', 'ratings', 'satisfied'] as const;

const addUp = ROLLUP_COLUMNS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ');
const sums = ROLLUP_COLUMNS.map((c) => `SUM(${c})`).join(', ');
const columns = ROLLUP_COLUMNS.join(', ');

/**
 * One statement for a whole group of batches: inserts the events (parameters are
 * parallel arrays: hub, seq, kind, day, occurred-at ms, payload) and adds to the
 * daily and monthly rollups exactly what that INSERT returned, so a row already held
 * (ON CONFLICT DO NOTHING) is never counted twice. $7 is the wait target in ms.
 * Answers the number of rows inserted per hub.
 *
 * A ticket counts as issued when it is issued or booked (a ticket gets one of the
 * two), online when its source is the portal; a call's wait is the call's time minus
 * the ticket's issue time; served is `done`, no-show is `skipped`; a rating is
 * satisfied when very-satisfied or satisfied. Counter status events roll up nothing.
 */
export const STORE_EVENTS_SQL = `
WITH ins AS (
  INSERT INTO events (hub_id, seq, kind, day, occurred_at, payload)
  SELECT e.hub_id, e.seq, e.kind, e.day, to_timestamp(e.at / 1000.0), e.payload
  FROM unnest($1::text[], $2::bigint[], $3::text[], $4::date[], $5::bigint[], $6::jsonb[]) AS e (hub_id, seq, kind, day, at, payload)
  ON CONFLICT DO NOTHING
  RETURNING hub_id, kind, day, occurred_at, payload
), facts AS (
  SELECT hub_id, day, payload->>'serviceId' AS service_id,
         (kind IN ('ticket.issued', 'ticket.booked'))::int AS issued,
         (kind IN ('ticket.issued', 'ticket.booked') AND payload->>'source' IS NOT DISTINCT FROM 'portal')::int AS online,
         (kind = 'ticket.called')::int AS called,
         (kind = 'ticket.done')::int AS served,
         (kind = 'ticket.skipped')::int AS no_show,
         CASE WHEN kind = 'ticket.called' AND payload->>'issuedAt' ~ '^[0-9]{1,15}$'
              THEN GREATEST(0, round(extract(epoch FROM occurred_at) * 1000)::bigint - (payload->>'issuedAt')::bigint) END AS wait_ms,
         (kind = 'rating')::int AS ratings,
         (kind = 'rating' AND COALESCE(payload->>'score' IN ('very-satisfied', 'satisfied'), false))::int AS satisfied
  FROM ins
), per_day AS (
  SELECT hub_id, day, service_id, SUM(issued) AS issued, SUM(online) AS online, SUM(called) AS called, SUM(served) AS served,
         SUM(no_show) AS no_show, COALESCE(SUM(wait_ms), 0) AS wait_ms_sum, COUNT(*) FILTER (WHERE wait_ms <= $7) AS within_target,
         SUM(ratings) AS ratings, SUM(satisfied) AS satisfied
  FROM facts
  WHERE service_id IS NOT NULL AND issued + called + served + no_show + ratings > 0
  GROUP BY hub_id, day, service_id
), days AS (
  INSERT INTO center_days AS t (hub_id, day, service_id, ${columns})
  SELECT hub_id, day, service_id, ${columns} FROM per_day
  ON CONFLICT (hub_id, day, service_id) DO UPDATE SET ${addUp}
), months AS (
  INSERT INTO center_months AS t (hub_id, month, service_id, ${columns})
  SELECT hub_id, date_trunc('month', day)::date, service_id, ${sums} FROM per_day GROUP BY 1, 2, 3
  ON CONFLICT (hub_id, month, service_id) DO UPDATE SET ${addUp}
)
SELECT hub_id, COUNT(*)::int AS inserted FROM ins GROUP BY hub_id`;
