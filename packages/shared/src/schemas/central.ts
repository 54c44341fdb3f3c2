import { z } from 'zod';

/**
 * Hub → central stream (docs/central.md). A hub posts its committed events in order,
 * numbered 1, 2, 3… per hub (`seq`); central keeps each (hub, seq) once and answers its
 * high-water mark, the highest seq it holds for the hub with nothing missing below it.
 * Signed like the portal link (`@layso/shared/request-signature`), with the hub's id
 * in CENTRAL_HUB_HEADER so central knows which secret to check.
 */
export const CENTRAL_INGEST_PATH = '/api/ingest';
export const CENTRAL_HUB_HEADER = 'x-layso-hub';
/** Largest batch a hub sends and central accepts. */
export const CENTRAL_MAX_BATCH = 500;
/** Largest request body central reads (bytes). */
export const CENTRAL_MAX_BODY_BYTES = 1024 * 1024;

export const centralHubIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'hub id: lowercase letters, digits, dashes');

/** Event kinds: `ticket.<ticket event kind>`, `counter.status`, `rating`. */
export const centralEventKindSchema = z.string().regex(/^(ticket\.[a-z_-]{1,32}|counter\.status|rating)$/);

/** A real calendar day (2026-02-30 is refused): central makes a partition per day. */
const daySchema = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  // A string the regex refused still reaches here; an invalid Date's toISOString throws.
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'not a calendar day');

/**
 * The payload carries numbers and ids only: ticket number, service id, counter,
 * status, score. Never a phone number, a name, a booking contact or a clerk.
 */
export const centralEventSchema = z.strictObject({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: centralEventKindSchema,
  day: daySchema,
  occurredAt: z.number().int().min(0).max(8_640_000_000_000),
  payload: z.record(z.string().max(32), z.union([z.string().max(64), z.number(), z.boolean(), z.null()])).refine((p) => Object.keys(p).length <= 16, 'at most 16 fields'),
});
export type CentralEvent = z.infer<typeof centralEventSchema>;

export const centralIngestBatchSchema = z.strictObject({
  events: z.array(centralEventSchema).max(CENTRAL_MAX_BATCH),
});
export type CentralIngestBatch = z.infer<typeof centralIngestBatchSchema>;

export interface CentralIngestAnswer {
  /** Events newly stored by this batch (a re-sent batch stores 0). */
  accepted: number;
  /** Events of this batch central already held. */
  duplicates: number;
  highWater: number;
}

/** Central's refusals; `highWater` comes with GAP so the hub resends from there. */
export const CentralErrorCode = {
  UNSIGNED: 'UNSIGNED',
  STALE_SIGNATURE: 'STALE_SIGNATURE',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  UNKNOWN_HUB: 'UNKNOWN_HUB',
  INVALID_BATCH: 'INVALID_BATCH',
  OUT_OF_ORDER: 'OUT_OF_ORDER',
  GAP: 'GAP',
  TOO_LARGE: 'TOO_LARGE',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  UNAVAILABLE: 'UNAVAILABLE',
  /** A read API query parameter is missing, unknown or malformed. */
  INVALID_QUERY: 'INVALID_QUERY',
} as const;
export type CentralErrorCode = (typeof CentralErrorCode)[keyof typeof CentralErrorCode];

export interface CentralErrorBody {
  error: { code: CentralErrorCode; message: string; highWater?: number };
}

/** A province id as central stores it (`dong-nai`, `tp-ho-chi-minh`). */
export const centralProvinceSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'province: lowercase letters, digits, dashes');

/** `GET /api/centers?province=`: every center now, optionally one province's. */
export const centralCentersQuerySchema = z.strictObject({ province: centralProvinceSchema.optional() });

export const CENTRAL_RANKING_SORTS = ['withinTargetShare', 'averageWaitMs', 'noShowRate', 'satisfaction', 'onlineShare'] as const;
export type CentralRankingSort = (typeof CENTRAL_RANKING_SORTS)[number];
/** Longest range one ranking covers (days). */
export const CENTRAL_RANKING_MAX_DAYS = 366;

/** `GET /api/ranking?from=yyyy-MM-dd&to=yyyy-MM-dd[&province=][&sort=]`: both days included. */
export const centralRankingQuerySchema = z
  .strictObject({ from: daySchema, to: daySchema, province: centralProvinceSchema.optional(), sort: z.enum(CENTRAL_RANKING_SORTS).optional() })
  .refine((q) => q.from <= q.to, 'from must not be after to')
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < CENTRAL_RANKING_MAX_DAYS, `at most ${CENTRAL_RANKING_MAX_DAYS} days`);
export type CentralRankingQuery = z.infer<typeof centralRankingQuerySchema>;

/** One center's figures over the range; a share is 0…1, null when nothing to divide by. */
export interface CentralRankingRow {
  rank: number;
  hubId: string;
  name: string;
  province: string;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  ratings: number;
  /** Calls within the wait target / calls. */
  withinTargetShare: number | null;
  averageWaitMs: number | null;
  /** No-shows / (served + no-shows). */
  noShowRate: number | null;
  /** Satisfied or very satisfied / ratings. */
  satisfaction: number | null;
  /** Portal tickets / tickets. */
  onlineShare: number | null;
}

export interface CentralRankingAnswer {
  from: string;
  to: string;
  province: string | null;
  sort: CentralRankingSort;
  waitTargetMs: number;
  centers: CentralRankingRow[];
}
