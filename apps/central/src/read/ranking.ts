import type { CentralRankingAnswer, CentralRankingQuery, CentralRankingRow, CentralRankingSort } from '@layso/shared';
import { WAIT_TARGET_MS } from '../rollup/store-events-sql.js';
import type { SqlClient } from '../store/sql-client.js';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Splits [from, to] (both included) into whole calendar months, read from
 * center_months, and the odd days around them, read from center_days: a year's
 * ranking reads 12 monthly rows per center and service and at most ~60 daily ones.
 * Answers [monthsFrom, monthsTo): the whole months (empty when monthsFrom = monthsTo).
 */
export function wholeMonths(from: string, to: string): { monthsFrom: string; monthsTo: string } {
  const start = new Date(`${from}T00:00:00Z`);
  const first = start.getUTCDate() === 1 ? from : isoDay(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const after = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const end = isoDay(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1));
  if (first >= end) return { monthsFrom: isoDay(after.getTime()), monthsTo: isoDay(after.getTime()) };
  return { monthsFrom: first, monthsTo: end };
}

// Which way is better for each indicator; nulls (nothing measured) rank last.
const ORDER: Record<CentralRankingSort, string> = {
  withinTargetShare: 'within_target_share DESC NULLS LAST',
  averageWaitMs: 'average_wait_ms ASC NULLS LAST',
  noShowRate: 'no_show_rate ASC NULLS LAST',
  satisfaction: 'satisfaction DESC NULLS LAST',
  onlineShare: 'online_share DESC NULLS LAST',
};

const FIGURES = 'issued, online, called, served, no_show, wait_ms_sum, within_target, ratings, satisfied';

/** Centers ranked by the indicators a province reports, over a range of service days. */
export async function ranking(db: SqlClient, query: CentralRankingQuery, waitTargetMs = WAIT_TARGET_MS): Promise<CentralRankingAnswer> {
  const sort = query.sort ?? 'withinTargetShare';
  const { monthsFrom, monthsTo } = wholeMonths(query.from, query.to);
  const { rows } = await db.query<Record<string, string | number | null>>(
    `WITH centers AS (
       SELECT id, name, province FROM hubs WHERE disabled_at IS NULL AND ($5::text IS NULL OR province = $5)
     ), parts AS (
       SELECT hub_id, ${FIGURES} FROM center_months WHERE month >= $3::date AND month < $4::date AND hub_id IN (SELECT id FROM centers)
       UNION ALL
       SELECT hub_id, ${FIGURES} FROM center_days
       WHERE ((day >= $1::date AND day < $3::date) OR (day >= $4::date AND day <= $2::date)) AND hub_id IN (SELECT id FROM centers)
     ), totals AS (
       SELECT hub_id, SUM(issued) AS issued, SUM(online) AS online, SUM(called) AS called, SUM(served) AS served, SUM(no_show) AS no_show,
              SUM(wait_ms_sum) AS wait_ms_sum, SUM(within_target) AS within_target, SUM(ratings) AS ratings, SUM(satisfied) AS satisfied
       FROM parts GROUP BY hub_id
     ), figures AS (
       SELECT c.id, c.name, c.province,
              COALESCE(t.issued, 0)::float8 AS issued, COALESCE(t.called, 0)::float8 AS called, COALESCE(t.served, 0)::float8 AS served,
              COALESCE(t.no_show, 0)::float8 AS no_show, COALESCE(t.ratings, 0)::float8 AS ratings,
              t.within_target::float8 / NULLIF(t.called, 0) AS within_target_share,
              t.wait_ms_sum::float8 / NULLIF(t.called, 0) AS average_wait_ms,
              t.no_show::float8 / NULLIF(t.served + t.no_show, 0) AS no_show_rate,
              t.satisfied::float8 / NULLIF(t.ratings, 0) AS satisfaction,
              t.online::float8 / NULLIF(t.issued, 0) AS online_share
       FROM centers c LEFT JOIN totals t ON t.hub_id = c.id
     )
     SELECT * FROM figures ORDER BY ${ORDER[sort]}, name, id`,
    [query.from, query.to, monthsFrom, monthsTo, query.province ?? null],
  );
  const share = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const centers = rows.map(
    (r, i): CentralRankingRow => ({
      rank: i + 1,
      hubId: String(r.id),
      name: String(r.name),
      province: String(r.province),
      issued: Number(r.issued),
      called: Number(r.called),
      served: Number(r.served),
      noShows: Number(r.no_show),
      ratings: Number(r.ratings),
      withinTargetShare: share(r.within_target_share),
      averageWaitMs: share(r.average_wait_ms),
      noShowRate: share(r.no_show_rate),
      satisfaction: share(r.satisfaction),
      onlineShare: share(r.online_share),
    }),
  );
  return { from: query.from, to: query.to, province: query.province ?? null, sort, waitTargetMs, centers };
}
