import { z } from 'zod';
import { ticketNumberSchema, ticketParamsSchema } from './api.js';

/**
 * Satisfaction ratings ("Ông/bà có hài lòng với sự phục vụ?", docs/notifications.md):
 * the rate screen at a counter posts one per finished ticket; the admin reads a summary.
 */
export const RATING_SCORES = ['very-satisfied', 'satisfied', 'unsatisfied'] as const;
export type RatingScore = (typeof RATING_SCORES)[number];
/** Optional reasons offered after "Không hài lòng". */
export const RATING_REASONS = ['waited-too-long', 'unfriendly', 'unclear-guidance', 'not-resolved', 'other'] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

/** POST /api/ratings: the ticket by id or by day + number; one rating per ticket. */
export const ratingRequestSchema = z.union([
  z.strictObject({ ticketId: z.number().int().min(1), score: z.enum(RATING_SCORES), reason: z.enum(RATING_REASONS).optional() }),
  ticketParamsSchema.extend({ score: z.enum(RATING_SCORES), reason: z.enum(RATING_REASONS).optional() }),
]);
export type RatingRequest = z.infer<typeof ratingRequestSchema>;
export const ratingResponseSchema = z.object({ ticketId: z.number().int(), number: ticketNumberSchema, score: z.enum(RATING_SCORES) });

export const ratingCountsSchema = z.object({
  key: z.string(),
  total: z.number().int(),
  counts: z.record(z.enum(RATING_SCORES), z.number().int()),
  /** (Rất hài lòng + Hài lòng) / total, 0–1. */
  satisfiedShare: z.number(),
});
export const ratingSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  satisfiedShare: z.number(),
  byCounter: z.array(ratingCountsSchema),
  byService: z.array(ratingCountsSchema),
  byClerk: z.array(ratingCountsSchema),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;
