import { z } from 'zod';
import { daySchema, isoInstantSchema } from './api.js';

/**
 * Reports (docs/reports.md): figures for a date range grouped by service, counter or
 * clerk, the chart series the admin console draws, and the CSV/XLSX export. Query
 * strings are strict; responses are plain objects so an older client tolerates
 * additive fields.
 */

export const REPORT_GROUP_BYS = ['service', 'counter', 'clerk'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BYS)[number];
export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
/** A report covers at most this many days (one leap year). */
export const REPORT_MAX_DAYS = 366;

const wholeMinutesParam = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, 'must be a whole number of minutes')
  .transform(Number)
  .pipe(z.number().int().min(1).max(240));

/** Days between two `yyyy-MM-dd` strings, inclusive of both (calendar arithmetic, no time zone). */
export function reportRangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const reportQueryShape = {
  from: daySchema,
  to: daySchema,
  groupBy: z.enum(REPORT_GROUP_BYS).default('service'),
  /** Target wait for the service level; the center's `reports.serviceLevelMin` when absent. */
  serviceLevelMin: wholeMinutesParam.optional(),
};

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (Number.isNaN(Date.parse(`${q.from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${q.to}T00:00:00Z`))) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'not a calendar date' });
    return;
  }
  const days = reportRangeDays(q.from, q.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days > REPORT_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `a report covers at most ${REPORT_MAX_DAYS} days` });
}

/** GET /api/admin/reports?from=yyyy-MM-dd&to=yyyy-MM-dd&groupBy=service|counter|clerk&serviceLevelMin=15 */
export const reportQuerySchema = z.strictObject(reportQueryShape).superRefine(checkRange);
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** GET /api/admin/reports/export?…&format=csv|xlsx&lang=vi|en */
export const reportExportQuerySchema = z
  .strictObject({ ...reportQueryShape, format: z.enum(REPORT_EXPORT_FORMATS), lang: z.enum(['vi', 'en']).default('vi') })
  .superRefine(checkRange);
export type ReportExportQuery = z.infer<typeof reportExportQuerySchema>;

/**
 * The figures of one row (or of the totals). Minutes are decimals rounded to 0.1;
 * shares are 0–1; null where there is nothing to average (no ticket called, none served).
 */
export const reportFiguresSchema = z.object({
  /** Tickets issued, counted under the service they were issued for (before any transfer). */
  issued: z.number().int(),
  /** Issued at a kiosk or by staff (source kiosk/admin). */
  walkIn: z.number().int(),
  /** Booked on the provincial portal (source portal). */
  online: z.number().int(),
  /** Issued with a priority category (a subset of walk-in + online). */
  priority: z.number().int(),
  /** Finished "Hoàn thành", counted under the service, counter and clerk that served them. */
  served: z.number().int(),
  /** "Vắng mặt" (skipped). */
  noShow: z.number().int(),
  /** Never served by the end of their issue day, or an online deadline passed. */
  expired: z.number().int(),
  cancelled: z.number().int(),
  /** Tickets moved to another service ("Chuyển lĩnh vực"), counted under the service they left. */
  transferred: z.number().int(),
  /** "Gọi lại" presses. */
  recalls: z.number().int(),
  /** Tickets called at least once: the population of the waiting-time figures. */
  called: z.number().int(),
  /** Mean of first call − start of wait (see docs/reports.md for online tickets). */
  avgWaitMin: z.number().nullable(),
  /** Nearest-rank 90th percentile wait, rounded UP to the whole minute. */
  p90WaitMin: z.number().int().nullable(),
  /** The longest wait of a called ticket, in whole minutes rounded up. */
  maxWaitMin: z.number().int().nullable(),
  /** Mean of done − (last) call over served tickets. */
  avgServiceMin: z.number().nullable(),
  /**
   * Called tickets whose wait ≤ the target of the service they were issued for (its
   * `targetWaitMin`, else the report's `serviceLevelMin`; a `serviceLevelMin` in the
   * query holds every service to it).
   */
  withinTarget: z.number().int(),
  /** withinTarget / called. */
  serviceLevel: z.number().nullable(),
  /** No-shows ("Vắng mặt") / (served + no-shows): of the citizens whose call ended, the share who did not come. */
  noShowRate: z.number().nullable(),
  ratings: z.object({
    total: z.number().int(),
    /** Rất hài lòng + Hài lòng. */
    satisfied: z.number().int(),
    satisfiedShare: z.number().nullable(),
  }),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportRowSchema = reportFiguresSchema.extend({
  /**
   * Service id, counter number as a string, or clerk code. '' groups the tickets with
   * no counter / no clerk (never called, or served without a signed-in clerk).
   */
  key: z.string(),
  /** Vietnamese label ("Tư pháp", "Quầy số 86", the clerk's name or code, "Chưa gọi"). */
  label: z.string(),
  labelEn: z.string(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

/** Arrivals per local hour (0–23) for one service: `counts[h]` tickets issued in hour h. */
export const reportArrivalsSeriesSchema = z.object({
  serviceId: z.string(),
  label: z.string(),
  labelEn: z.string(),
  counts: z.array(z.number().int()).length(24),
});

export const reportWaitByHourSchema = z.object({
  /** Local hour the ticket was issued (0–23). */
  hour: z.number().int().min(0).max(23),
  called: z.number().int(),
  avgWaitMin: z.number().nullable(),
});

export const reportServedByCounterSchema = z.object({
  counter: z.number().int(),
  label: z.string(),
  labelEn: z.string(),
  served: z.number().int(),
});

/** One day of the range (the month's chart): the day's totals. */
export const reportDayPointSchema = z.object({
  day: daySchema,
  issued: z.number().int(),
  served: z.number().int(),
  called: z.number().int(),
  avgWaitMin: z.number().nullable(),
  serviceLevel: z.number().nullable(),
});
export type ReportDayPoint = z.infer<typeof reportDayPointSchema>;

export const reportChartsSchema = z.object({
  arrivalsByHour: z.array(reportArrivalsSeriesSchema),
  waitByHour: z.array(reportWaitByHourSchema).length(24),
  servedByCounter: z.array(reportServedByCounterSchema),
  /** Every day of a range of up to 62 days; empty for longer ranges. */
  byDay: z.array(reportDayPointSchema).max(62),
});
export type ReportCharts = z.infer<typeof reportChartsSchema>;

/** GET /api/admin/reports */
export const reportResponseSchema = z.object({
  from: daySchema,
  to: daySchema,
  groupBy: z.enum(REPORT_GROUP_BYS),
  /** The target of services without their own (the center's, or the query's for all). */
  serviceLevelMin: z.number().int(),
  /** The target wait each service was held to, by service id. */
  targets: z.record(z.string(), z.number().int()),
  timeZone: z.string(),
  /** The hub's current service day: a range that includes it is computed live for that day. */
  today: daySchema,
  includesToday: z.boolean(),
  generatedAt: isoInstantSchema,
  totals: reportFiguresSchema,
  rows: z.array(reportRowSchema),
  charts: reportChartsSchema,
});
export type ReportResponse = z.infer<typeof reportResponseSchema>;
