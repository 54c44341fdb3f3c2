import { z } from 'zod';
import { counterNumberSchema } from './center-config.js';
import { isoInstantSchema, ticketNumberSchema } from './api.js';

/**
 * `GET /api/admin/today`: what is true at each counter right now, for the admin's
 * Today page: is a clerk signed in, is its console connected, is it serving (which
 * number, since when), paused or idle; and per service the waiting count and the
 * longest wait so far.
 */
export const COUNTER_FLOOR_STATES = ['serving', 'paused', 'idle'] as const;
export const counterFloorStateSchema = z.enum(COUNTER_FLOOR_STATES);
export type CounterFloorState = z.infer<typeof counterFloorStateSchema>;

export const counterFloorSchema = z.strictObject({
  number: counterNumberSchema,
  state: counterFloorStateSchema,
  /** The number being served (also while paused with a ticket still open). */
  ticket: ticketNumberSchema.nullable(),
  /** When that number was called (its latest call). */
  calledAt: isoInstantSchema.nullable(),
  clerk: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  /** At least one counter console (role `counter`) for this counter has a socket connected now. */
  consoleOnline: z.boolean(),
});
export type CounterFloor = z.infer<typeof counterFloorSchema>;

export const serviceFloorSchema = z.strictObject({
  serviceId: z.string(),
  waiting: z.number().int().nonnegative(),
  /** When the longest-waiting open ticket was issued (null: nobody waits). */
  oldestWaitingSince: isoInstantSchema.nullable(),
});
export type ServiceFloor = z.infer<typeof serviceFloorSchema>;

export const adminTodayResponseSchema = z.strictObject({
  day: z.string(),
  now: isoInstantSchema,
  counters: z.array(counterFloorSchema),
  services: z.array(serviceFloorSchema),
});
export type AdminTodayResponse = z.infer<typeof adminTodayResponseSchema>;
