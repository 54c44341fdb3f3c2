import { z } from 'zod';

/**
 * A move of the hub's wall clock worth the administrator's attention: backwards (the
 * clock reads earlier than a time the hub already saw, by more than a minute) or forward
 * by more than an hour between two readings taken seconds apart.
 */
export const clockJumpSchema = z.object({
  kind: z.enum(['backwards', 'forward']),
  /** ISO instants: the reading before the move and the one after it. */
  from: z.string(),
  to: z.string(),
  /** Noticed when the hub started, against the latest time an earlier run saw. */
  atStart: z.boolean(),
});
export type ClockJumpView = z.infer<typeof clockJumpSchema>;

/** GET /api/admin/clock, POST /api/admin/clock/acknowledge, and `clock` in /api/health. */
export const clockStatusSchema = z.object({
  /** The hub's time now (ISO): what it stamps tickets with. */
  now: z.string(),
  /** Unacknowledged moves, oldest first (at most 10). */
  warnings: z.array(clockJumpSchema),
});
export type ClockStatus = z.infer<typeof clockStatusSchema>;
