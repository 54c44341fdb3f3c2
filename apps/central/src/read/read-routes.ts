import { centralCentersQuerySchema, centralRankingQuerySchema } from '@layso/shared';
import type { ReadRoute } from '../http/central-server.js';
import type { SqlClient } from '../store/sql-client.js';
import { centersLive } from './centers-live.js';
import { parseQuery } from './parse-query.js';
import { ranking } from './ranking.js';

/** The province's read API (docs/central.md § Read API), behind the read token. */
export function readRoutes(db: SqlClient, now: () => number): Record<string, ReadRoute> {
  return {
    '/api/centers': async (params) => {
      const query = parseQuery(centralCentersQuerySchema, params);
      return { centers: await centersLive(db, now(), query.province) };
    },
    '/api/ranking': async (params) => ranking(db, parseQuery(centralRankingQuerySchema, params)),
  };
}
