import type Database from 'better-sqlite3';
import type { HubModule } from '../http/hub-module.js';
import type { Clock } from '../queue/ports.js';
import type { QueueCore } from '../queue/queue-core.js';
import { buildRatingRoutes } from './rating-routes.js';
import { RatingService } from './rating-service.js';
import { SqliteRatingStore } from './sqlite-rating-store.js';

/** Citizen ratings: the rate screen's and counter's POST /api/ratings, and the admin's summary. */
export function createRatingModule(deps: { db: Database.Database; core: QueueCore; clock: Clock }): HubModule {
  const ratings = new RatingService(deps.core, new SqliteRatingStore(deps.db), deps.clock);
  return { name: 'rating', routes: buildRatingRoutes({ ratings, today: () => deps.core.currentDay }) };
}
