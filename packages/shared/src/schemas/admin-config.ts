import { z } from 'zod';
import {
  announcementSettingsSchema,
  backupSettingsSchema,
  boardNoticeSchema,
  centerConfigSchema,
  counterNumberSchema,
  idSchema,
  nameSchema,
  onlineSettingsSchema,
  openingHoursSchema,
  portalConfigSchema,
  prefixSchema,
  priorityCategorySchema,
  priorityPolicySchema,
  reportSettingsSchema,
} from './center-config.js';
import { notifyConfigSchema } from './notify.js';
import { daySchema } from './api.js';

/**
 * Live center configuration and operations (docs/admin-center.md): the admin
 * console edits one piece of the CenterConfig per request; the hub applies it,
 * validates the whole config and pushes `catalog:changed` to every kiosk and board.
 *
 * Conventions: requests are strict; on an update every field is optional and only
 * the given ones change; `null` clears an optional field (e.g. an English name).
 * Ids of areas and services never change (tickets and board URLs refer to them);
 * a counter may be renumbered through `number` in its update.
 */

// ---- path parameters ---------------------------------------------------------

export const adminAreaParamsSchema = z.strictObject({ id: idSchema });
export const adminServiceParamsSchema = z.strictObject({ id: idSchema });
export const adminCounterParamsSchema = z.strictObject({
  number: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'must be a counter number 1–999')
    .transform(Number)
    .pipe(counterNumberSchema),
});

// ---- center settings -------------------------------------------------------------

/** PUT /api/admin/settings: any subset of the center-wide settings. */
export const adminSettingsRequestSchema = z.strictObject({
  name: nameSchema.optional(),
  nameEn: nameSchema.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
  openingHours: openingHoursSchema.optional(),
  priorityPolicy: priorityPolicySchema.optional(),
  priorityCategories: z.array(priorityCategorySchema).max(20).optional(),
  defaultServiceMinutes: z.number().min(0.5).max(240).optional(),
  online: onlineSettingsSchema.optional(),
  announcement: announcementSettingsSchema.optional(),
  /** The hall board's scrolling line; null removes it. */
  boardNotice: boardNoticeSchema.nullable().optional(),
  reports: reportSettingsSchema.optional(),
  backup: backupSettingsSchema.optional(),
  notify: notifyConfigSchema.optional(),
  portal: portalConfigSchema.optional(),
});
export type AdminSettingsRequest = z.input<typeof adminSettingsRequestSchema>;

// ---- areas -------------------------------------------------------------------------

/** POST /api/admin/areas: a new, empty area (add services to it afterwards). */
export const adminAreaCreateRequestSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema.optional(),
});
export type AdminAreaCreateRequest = z.input<typeof adminAreaCreateRequestSchema>;

/** PUT /api/admin/areas/:id */
export const adminAreaUpdateRequestSchema = z.strictObject({
  name: nameSchema.optional(),
  nameEn: nameSchema.nullable().optional(),
});
export type AdminAreaUpdateRequest = z.input<typeof adminAreaUpdateRequestSchema>;

// ---- services ------------------------------------------------------------------------

const dailyLimitSchema = z.number().int().min(1).max(999);
const onlineQuotaSchema = z.number().int().min(0).max(999);
const targetWaitSchema = z.number().int().min(1).max(240);

/** POST /api/admin/services: appended to the end of its area. */
export const adminServiceCreateRequestSchema = z.strictObject({
  areaId: idSchema,
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema.optional(),
  prefix: prefixSchema,
  dailyLimit: dailyLimitSchema.optional(),
  onlineQuota: onlineQuotaSchema.optional(),
  targetWaitMin: targetWaitSchema.optional(),
  active: z.boolean().optional(),
});
export type AdminServiceCreateRequest = z.input<typeof adminServiceCreateRequestSchema>;

/**
 * PUT /api/admin/services/:id. A new `areaId` moves the service to the end of that
 * area. A new prefix applies to tickets issued from now on; today's tickets keep
 * their numbers.
 */
export const adminServiceUpdateRequestSchema = z.strictObject({
  areaId: idSchema.optional(),
  name: nameSchema.optional(),
  nameEn: nameSchema.nullable().optional(),
  prefix: prefixSchema.optional(),
  dailyLimit: dailyLimitSchema.optional(),
  onlineQuota: onlineQuotaSchema.nullable().optional(),
  /** null: back to the center's target. */
  targetWaitMin: targetWaitSchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type AdminServiceUpdateRequest = z.input<typeof adminServiceUpdateRequestSchema>;

// ---- counters ------------------------------------------------------------------------

const counterServiceIdsSchema = z.array(idSchema).min(1, 'a counter must serve at least one service').max(50);

/** POST /api/admin/counters. `serviceIds` in the order the counter calls them. */
export const adminCounterCreateRequestSchema = z.strictObject({
  number: counterNumberSchema,
  name: nameSchema.optional(),
  areaId: idSchema,
  serviceIds: counterServiceIdsSchema,
});
export type AdminCounterCreateRequest = z.input<typeof adminCounterCreateRequestSchema>;

/** PUT /api/admin/counters/:number. `number` renumbers the counter (refused while it serves a ticket). */
export const adminCounterUpdateRequestSchema = z.strictObject({
  number: counterNumberSchema.optional(),
  name: nameSchema.nullable().optional(),
  areaId: idSchema.optional(),
  serviceIds: counterServiceIdsSchema.optional(),
});
export type AdminCounterUpdateRequest = z.input<typeof adminCounterUpdateRequestSchema>;

// ---- responses ---------------------------------------------------------------------------

/** Today's operational state: what the admin console shows next to the settings. */
export const adminDayStateSchema = z.object({
  /** The current service day (yyyy-MM-dd). */
  day: daySchema,
  /** Taking new tickets now (opening hours and not closed early). */
  open: z.boolean(),
  /** An admin closed today early (POST /api/admin/day/close); the next day opens normally. */
  closedEarly: z.boolean(),
});
export type AdminDayState = z.infer<typeof adminDayStateSchema>;

/**
 * The answer of GET /api/admin/config and of every configuration or operations
 * change: the whole CenterConfig after the change and today's state.
 */
export const adminConfigResponseSchema = z.object({
  config: centerConfigSchema,
  dayState: adminDayStateSchema,
});
export type AdminConfigResponse = z.infer<typeof adminConfigResponseSchema>;
