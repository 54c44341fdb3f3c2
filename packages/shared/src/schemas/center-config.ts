import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../time.js';
import { DEFAULT_NOTIFY_CONFIG, notifyConfigSchema } from './notify.js';

/** Identifiers are slugs so they are safe in URLs, CSS classes and file names. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be 1–48 lowercase letters, digits or dashes');

export const prefixSchema = z.string().regex(/^\d{2}$/, 'must be exactly two digits (XX)');
export const counterNumberSchema = z.number().int().min(1).max(999);
const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:mm');
export const nameSchema = z.string().trim().min(1).max(120);

/** One open interval of a day; a lunch break is the gap between two intervals. */
export const openIntervalSchema = z
  .strictObject({ open: clockSchema, close: clockSchema })
  .refine((i) => i.open < i.close, { message: 'open must be before close', params: { rule: 'open-before-close' } });

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const WEEKDAY_KEYS = weekdayKeys;
export type WeekdayKey = (typeof weekdayKeys)[number];

export const openingHoursSchema = z.strictObject(
  Object.fromEntries(weekdayKeys.map((k) => [k, z.array(openIntervalSchema).max(6).default([])])) as Record<
    WeekdayKey,
    z.ZodDefault<z.ZodArray<typeof openIntervalSchema>>
  >,
);

export const priorityPolicySchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('strict') }),
  z.strictObject({ policy: z.literal('interleaved'), every: z.number().int().min(1).max(50) }),
]);
export type PriorityPolicy = z.infer<typeof priorityPolicySchema>;

export const priorityCategorySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema.optional(),
});

/**
 * The provincial portal link. `push`: the portal calls the hub's /api/portal API.
 * `pull`: the hub polls the portal for pending bookings. Either way the hub pushes
 * each service's current transaction upstream when `url` is set.
 */
export const portalConfigSchema = z.strictObject({
  mode: z.enum(['off', 'push', 'pull']).default('off'),
  /** Shared HMAC-SHA256 secret for signed requests in both directions. */
  secret: z.string().min(16, 'the portal secret must be at least 16 characters').max(256).optional(),
  /** The portal's base URL (pull mode and upstream status pushes). */
  url: z.url({ protocol: /^https?$/ }).optional(),
  pollIntervalSec: z.number().int().min(1).max(3600).default(5),
  snapshotIntervalSec: z.number().int().min(10).max(86_400).default(300),
});
export type PortalConfig = z.infer<typeof portalConfigSchema>;

export const serviceConfigSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema.optional(),
  prefix: prefixSchema,
  dailyLimit: z.number().int().min(1).max(999).default(999),
  /** Online bookings a day may take (≤ dailyLimit); without it the daily limit is the only cap. */
  onlineQuota: z.number().int().min(0).max(999).optional(),
  /**
   * The service's target wait in minutes (the service level counts citizens called
   * within it); without it the center's `reports.serviceLevelMin` applies.
   */
  targetWaitMin: z.number().int().min(1).max(240).optional(),
  active: z.boolean().default(true),
  /**
   * Paused by an admin (operations, not configuration): no new tickets or bookings,
   * waiting tickets are still called. Kept here so it persists and reaches kiosks live.
   */
  paused: z.boolean().optional(),
});

export const areaConfigSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema.optional(),
  services: z.array(serviceConfigSchema).max(100),
});

export const counterConfigSchema = z.strictObject({
  number: counterNumberSchema,
  name: nameSchema.optional(),
  areaId: idSchema,
  serviceIds: z.array(idSchema).min(1, 'a counter must serve at least one service').max(50),
});

export const onlineSettingsSchema = z.strictObject({
  windowMin: z.number().int().min(1).max(24 * 60).default(10),
  checkInRequired: z.boolean().default(false),
  /** Days a booking's name, phone and e-mail are kept (Decree 13/2023 on personal data). */
  personalDataDays: z.number().int().min(1).max(365).default(30),
});

/** Defaults for the hall's voice calls; a board or door screen may override them locally. */
export const announcementSettingsSchema = z.strictObject({
  /** 0–100 % of the device's output. */
  volume: z.number().int().min(0).max(100).default(100),
  /** How many times each call (and each recall) is spoken in a row. */
  repeat: z.number().int().min(1).max(3).default(1),
});
export type AnnouncementSettings = z.infer<typeof announcementSettingsSchema>;
export const DEFAULT_ANNOUNCEMENT: AnnouncementSettings = { volume: 100, repeat: 1 };

/** The line scrolling at the bottom of the hall board (e.g. "Thứ Bảy làm việc buổi sáng"). */
export const boardNoticeSchema = z.string().trim().min(1).max(500);

export const reportSettingsSchema = z.strictObject({ serviceLevelMin: z.number().int().min(1).max(240).default(15) });
export const backupSettingsSchema = z.strictObject({
  hour: z.number().int().min(0).max(23).default(2),
  keepDays: z.number().int().min(1).max(365).default(14),
});

export const centerConfigSchema = z
  .strictObject({
    name: nameSchema,
    nameEn: nameSchema.optional(),
    timeZone: z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .refine(isKnownTimeZone, { message: 'unknown IANA time zone', params: { rule: 'unknown-time-zone' } }),
    openingHours: openingHoursSchema,
    priorityPolicy: priorityPolicySchema.default({ policy: 'strict' }),
    priorityCategories: z.array(priorityCategorySchema).max(20).default([]),
    defaultServiceMinutes: z.number().min(0.5).max(240).default(5),
    online: onlineSettingsSchema.default({ windowMin: 10, checkInRequired: false, personalDataDays: 30 }),
    /** Voice-call defaults; absent means DEFAULT_ANNOUNCEMENT. */
    announcement: announcementSettingsSchema.optional(),
    boardNotice: boardNoticeSchema.optional(),
    portal: portalConfigSchema.default({ mode: 'off', pollIntervalSec: 5, snapshotIntervalSec: 300 }),
    /** Citizen notifications (docs/notifications.md); optional, sends nothing without channels. */
    notify: notifyConfigSchema.default(DEFAULT_NOTIFY_CONFIG),
    /** Reports: the service level is the share of tickets called within this many minutes. */
    reports: reportSettingsSchema.default({ serviceLevelMin: 15 }),
    /** The nightly backup in the data folder: taken at `hour` (local time), kept `keepDays` days. */
    backup: backupSettingsSchema.default({ hour: 2, keepDays: 14 }),
    areas: z.array(areaConfigSchema).min(1).max(50),
    counters: z.array(counterConfigSchema).max(200),
  })
  .superRefine((config, ctx) => {
    if (config.portal.mode !== 'off' && !config.portal.secret) {
      ctx.addIssue({ code: 'custom', path: ['portal', 'secret'], message: `portal mode "${config.portal.mode}" needs a shared secret`, params: { rule: 'needs-secret' } });
    }
    if (config.portal.mode === 'pull' && !config.portal.url) {
      ctx.addIssue({ code: 'custom', path: ['portal', 'url'], message: 'portal mode "pull" needs the portal url', params: { rule: 'needs-url' } });
    }
    const serviceIds = new Set<string>();
    const prefixes = new Map<string, string>();
    const areaIds = new Set<string>();
    config.areas.forEach((area, a) => {
      if (areaIds.has(area.id)) ctx.addIssue({ code: 'custom', path: ['areas', a, 'id'], message: `duplicate area id "${area.id}"`, params: { rule: 'duplicate' } });
      areaIds.add(area.id);
      area.services.forEach((service, s) => {
        const path = ['areas', a, 'services', s];
        if (serviceIds.has(service.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate service id "${service.id}"`, params: { rule: 'duplicate' } });
        serviceIds.add(service.id);
        const owner = prefixes.get(service.prefix);
        if (owner) ctx.addIssue({ code: 'custom', path: [...path, 'prefix'], message: `prefix ${service.prefix} is already used by service "${owner}"`, params: { rule: 'duplicate' } });
        prefixes.set(service.prefix, service.id);
        if (service.onlineQuota !== undefined && service.onlineQuota > service.dailyLimit) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'onlineQuota'],
            message: `online quota ${service.onlineQuota} is more than the daily limit ${service.dailyLimit} of service "${service.id}"`,
            params: { rule: 'quota-above-limit', limit: service.dailyLimit },
          });
        }
      });
    });
    const counterNumbers = new Set<number>();
    config.counters.forEach((counter, c) => {
      if (counterNumbers.has(counter.number)) ctx.addIssue({ code: 'custom', path: ['counters', c, 'number'], message: `duplicate counter number ${counter.number}`, params: { rule: 'duplicate' } });
      counterNumbers.add(counter.number);
      if (!areaIds.has(counter.areaId)) ctx.addIssue({ code: 'custom', path: ['counters', c, 'areaId'], message: `unknown area "${counter.areaId}"`, params: { rule: 'unknown-reference' } });
      counter.serviceIds.forEach((id, i) => {
        if (!serviceIds.has(id)) ctx.addIssue({ code: 'custom', path: ['counters', c, 'serviceIds', i], message: `unknown service "${id}"`, params: { rule: 'unknown-reference' } });
      });
    });
  });

export type CenterConfig = z.infer<typeof centerConfigSchema>;
export type CenterConfigInput = z.input<typeof centerConfigSchema>;
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
export type AreaConfig = z.infer<typeof areaConfigSchema>;
export type CounterConfig = z.infer<typeof counterConfigSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
