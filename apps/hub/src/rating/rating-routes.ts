import { z } from 'zod';
import { daySchema, ErrorCode, ratingRequestSchema } from '@layso/shared';
import type { RatingService } from './rating-service.js';
import { DomainError } from '../queue/domain-error.js';
import { route, type Route } from '../http/router.js';

const summaryQuery = z.strictObject({
  counter: z.coerce.number().int().min(1).max(999).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
});

/** POST /api/ratings (the rate screen's display token, or the counter) and the admin's summary. */
export function buildRatingRoutes(deps: { ratings: RatingService; today(): string }): Route[] {
  return [
    route({
      method: 'POST',
      path: '/api/ratings',
      access: { roles: ['display', 'counter', 'admin'] },
      body: ratingRequestSchema,
      handle: ({ device, body }) => {
        const rated = deps.ratings.rate(body, device?.role === 'counter' ? device.counter : null);
        return { status: 201, body: { ticketId: rated.ticketId, number: rated.number, score: rated.score } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/ratings/summary',
      access: { roles: ['admin'] },
      handle: ({ req }) => {
        const query = summaryQuery.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://hub').searchParams));
        if (!query.success) throw new DomainError(ErrorCode.VALIDATION, 'use ?counter=N&from=yyyy-MM-dd&to=yyyy-MM-dd');
        const from = query.data.from ?? deps.today();
        const to = query.data.to ?? from;
        return { body: deps.ratings.summary(from, to, query.data.counter ?? null) };
      },
    }),
  ];
}
