import { z } from 'zod';
import { counterNumberSchema, idSchema, prefixSchema } from './center-config.js';
import { ErrorCode, ROLES } from '../protocol.js';
import { refusalSchema } from './refusal.js';

/** `yyyy-MM-dd`, the center's local service day. */
export const daySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be yyyy-MM-dd');
export const ticketNumberSchema = z.string().regex(/^\d{2}(?!000)\d{3}$/, 'must be five digits XXYYY with YYY 001–999');
export const isoInstantSchema = z.iso.datetime({ offset: true });
export const roleSchema = z.enum(ROLES);

export const TICKET_STATUSES = ['booked', 'waiting', 'called', 'done', 'skipped', 'expired', 'cancelled', 'transferred'] as const;
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const COUNTER_STATUSES = ['open', 'paused'] as const;
export const counterStatusSchema = z.enum(COUNTER_STATUSES);
export type CounterStatus = z.infer<typeof counterStatusSchema>;

/**
 * What rule a rejected field broke, so a console words it in its own language instead
 * of showing the validator's English `message`: `limit` is the bound of a size rule.
 */
export const FIELD_RULES = ['too-short', 'too-long', 'too-few', 'too-many', 'too-small', 'too-big', 'bad-format', 'wrong-type', 'not-allowed', 'unknown-reference',
  // Rules of the center configuration's own checks (zod `params.rule` of a custom issue).
  'duplicate', 'quota-above-limit', 'open-before-close', 'unknown-time-zone', 'needs-secret', 'needs-url',
  'other',
] as const;
export const fieldRuleSchema = z.enum(FIELD_RULES);
export type FieldRule = z.infer<typeof fieldRuleSchema>;

/** One rejected field of a VALIDATION error. */
export const fieldIssueSchema = z.strictObject({
  path: z.string(),
  message: z.string(),
  rule: fieldRuleSchema.optional(),
  limit: z.number().optional(),
  /** `unknown-reference`: why the referenced thing is refused, as data. */
  reason: refusalSchema.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
/** ACCOUNT_LOCKED: when the lock ends, so a client shows it without parsing the message. */
export const lockoutDetailsSchema = z.strictObject({ lockedUntil: isoInstantSchema });
export type LockoutDetails = z.infer<typeof lockoutDetailsSchema>;

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    /** Field issues (VALIDATION and config refusals) or, for ACCOUNT_LOCKED, the lock's end. */
    details: z.union([z.array(fieldIssueSchema), lockoutDetailsSchema]).optional(),
    /** Why, as data (kind + the things it names): what a console words in its own language. */
    reason: refusalSchema.optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorDetails = NonNullable<ErrorBody['error']['details']>;

/** The lock's end (ISO instant) of an ACCOUNT_LOCKED error's details; null for any other details. */
export function lockedUntilOf(details: ErrorDetails | null | undefined): string | null {
  return details && !Array.isArray(details) ? details.lockedUntil : null;
}

// ---- requests -------------------------------------------------------------

export const requestIdSchema = z.string().min(8).max(128).regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only');

export const issueTicketRequestSchema = z.strictObject({
  serviceId: idSchema,
  priority: idSchema.optional(),
  requestId: requestIdSchema,
});
export type IssueTicketRequest = z.infer<typeof issueTicketRequestSchema>;

/** Optional body of next/recall/done/skip/pause/resume: a requestId makes a retry safe. */
export const counterActionRequestSchema = z.strictObject({
  requestId: requestIdSchema.optional(),
  clerk: z.string().trim().min(1).max(80).optional(),
});
export type CounterActionRequest = z.infer<typeof counterActionRequestSchema>;

export const transferRequestSchema = z.strictObject({
  toServiceId: idSchema,
  requestId: requestIdSchema.optional(),
  clerk: z.string().trim().min(1).max(80).optional(),
});
export type TransferRequest = z.infer<typeof transferRequestSchema>;

/**
 * "Hoàn tác": how long after "Vắng mặt", "Hoàn thành" or "Chuyển lĩnh vực" the
 * counter may take it back. Long enough to notice a mis-press, short enough that the
 * citizen is still at the desk (and, for a transfer, not yet called elsewhere).
 */
export const UNDO_WINDOW_MS = 10_000;
export const UNDOABLE_ACTIONS = ['done', 'skip', 'transfer'] as const;
export type UndoableAction = (typeof UNDOABLE_ACTIONS)[number];

/**
 * POST /api/counters/:counter/undo: takes back the counter's last action. It names the
 * ticket and the action the console showed, so a late or repeated press can never
 * undo something the clerk did not see.
 */
export const undoRequestSchema = z.strictObject({
  number: ticketNumberSchema,
  action: z.enum(UNDOABLE_ACTIONS),
  requestId: requestIdSchema.optional(),
  clerk: z.string().trim().min(1).max(80).optional(),
});
export type UndoRequest = z.infer<typeof undoRequestSchema>;

export const counterParamSchema = z.string().regex(/^[1-9]\d{0,2}$/, 'must be a counter number 1–999').transform(Number).pipe(counterNumberSchema);
export const ticketParamsSchema = z.strictObject({ day: daySchema, number: ticketNumberSchema });

// ---- responses ------------------------------------------------------------

/** GET /api/device: who the calling token belongs to (a console finds its counter). */
export const deviceInfoSchema = z.object({
  role: roleSchema,
  counter: counterNumberSchema.nullable(),
  name: z.string().nullable(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  day: daySchema,
  version: z.string(),
  protocolVersion: z.number(),
});

export const catalogServiceSchema = z.object({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  prefix: prefixSchema,
  /** The number being served now ("giao dịch hiện tại"); null when none was called today. */
  current: ticketNumberSchema.nullable(),
  waiting: z.number().int().min(0),
  estWaitMin: z.number().int().min(0),
  active: z.boolean(),
  full: z.boolean(),
  /** Paused by an admin: kiosks show it greyed ("Tạm dừng") and cannot issue for it. */
  paused: z.boolean().optional(),
});
export const catalogAreaSchema = z.object({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  services: z.array(catalogServiceSchema),
});
export const catalogCounterSchema = z.object({
  number: counterNumberSchema,
  name: z.string(),
  areaId: idSchema,
  serviceIds: z.array(idSchema),
  status: counterStatusSchema,
  current: ticketNumberSchema.nullable(),
});
export const catalogResponseSchema = z.object({
  day: daySchema,
  center: z.object({ name: z.string(), nameEn: z.string().optional(), timeZone: z.string() }),
  open: z.boolean(),
  /** An admin closed today early: `open` is false until the next service day. */
  closedEarly: z.boolean().optional(),
  priorityCategories: z.array(z.object({ id: idSchema, name: z.string(), nameEn: z.string().optional() })),
  /** The hall board's scrolling line, when the center set one. */
  boardNotice: z.string().optional(),
  /** Voice-call defaults (volume 0–100, repeat) for boards that do not override them locally. */
  announcement: z.object({ volume: z.number().int().min(0).max(100), repeat: z.number().int().min(1).max(3) }).optional(),
  areas: z.array(catalogAreaSchema),
  counters: z.array(catalogCounterSchema),
});
export type CatalogService = z.infer<typeof catalogServiceSchema>;
export type CatalogArea = z.infer<typeof catalogAreaSchema>;
export type CatalogCounter = z.infer<typeof catalogCounterSchema>;
export type Catalog = z.infer<typeof catalogResponseSchema>;

export const issuedTicketSchema = z.object({
  id: z.number().int(),
  number: ticketNumberSchema,
  serviceId: idSchema,
  day: daySchema,
  issuedAt: isoInstantSchema,
  priority: idSchema.nullable(),
  ahead: z.number().int().min(0),
  estWaitMin: z.number().int().min(0),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/** A ticket as a counter sees it. Carries no personal data. */
export const counterTicketSchema = z.object({
  id: z.number().int(),
  number: ticketNumberSchema,
  serviceId: idSchema,
  day: daySchema,
  status: ticketStatusSchema,
  priority: idSchema.nullable(),
  source: z.enum(['kiosk', 'portal', 'admin']),
  issuedAt: isoInstantSchema,
  calledAt: isoInstantSchema.nullable(),
  counter: counterNumberSchema.nullable(),
  recalls: z.number().int().min(0),
  deadline: isoInstantSchema.nullable(),
  transferredFrom: idSchema.nullable(),
});
export type CounterTicket = z.infer<typeof counterTicketSchema>;

export const counterActionResponseSchema = z.object({ ticket: counterTicketSchema.nullable() });
export type CounterActionResponse = z.infer<typeof counterActionResponseSchema>;

export const counterStateResponseSchema = z.object({
  counter: catalogCounterSchema,
});

export const counterQueueResponseSchema = z.object({
  counter: catalogCounterSchema,
  serving: counterTicketSchema.nullable(),
  waiting: z.array(counterTicketSchema),
  servedToday: z.number().int().min(0),
  avgServiceMin: z.number().min(0).nullable(),
});
export type CounterQueueResponse = z.infer<typeof counterQueueResponseSchema>;

export const publicTicketStatusSchema = z.object({
  number: ticketNumberSchema,
  day: daySchema,
  serviceId: idSchema,
  status: ticketStatusSchema,
  ahead: z.number().int().min(0),
  /** The service's current transaction. */
  current: ticketNumberSchema.nullable(),
  counter: counterNumberSchema.nullable(),
  estWaitMin: z.number().int().min(0),
});
export type PublicTicketStatus = z.infer<typeof publicTicketStatusSchema>;
