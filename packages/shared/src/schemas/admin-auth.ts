import { z } from 'zod';
import { counterNumberSchema } from './center-config.js';
import { isoInstantSchema } from './api.js';

/**
 * Admin sign-in, sessions, admin users, clerks, the audit log and backups
 * (docs/admin-access.md). Requests are strict; responses are plain objects so an
 * older client tolerates additive fields.
 */

/** Admin and clerk passwords/PINs have a floor the hub enforces on every change. */
export const ADMIN_PASSWORD_MIN = 10;
export const CLERK_PIN_PATTERN = /^\d{4,8}$/;

export const adminUsernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');
export const adminPasswordSchema = z.string().min(ADMIN_PASSWORD_MIN, `at least ${ADMIN_PASSWORD_MIN} characters`).max(200);
export const displayNameSchema = z.string().trim().min(1).max(80);
export const clerkCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');
export const clerkPinSchema = z.string().regex(CLERK_PIN_PATTERN, 'must be 4–8 digits');
/** A positive integer path parameter (`/api/admin/users/:id`, `/api/admin/clerks/:id`). */
export const numericIdParamSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer')
    .transform(Number),
});

// ---- sign-in and session -------------------------------------------------------

/** POST /api/admin/session. Any password length is accepted here: only changes enforce the floor. */
export const adminSignInRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type AdminSignInRequest = z.infer<typeof adminSignInRequestSchema>;

export const adminSessionUserSchema = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  /** The one-time password from first start: every other admin call answers PASSWORD_CHANGE_REQUIRED until changed. */
  mustChangePassword: z.boolean(),
});
export type AdminSessionUser = z.infer<typeof adminSessionUserSchema>;

/** 200 of POST /api/admin/session: the bearer token for every later admin call and the socket. */
export const adminSignInResponseSchema = z.object({
  token: z.string(),
  /** When the session ends at the latest (absolute limit); idle sessions end sooner. */
  expiresAt: isoInstantSchema,
  user: adminSessionUserSchema,
});
export type AdminSignInResponse = z.infer<typeof adminSignInResponseSchema>;

/** GET /api/admin/session: who am I, and until when. */
export const adminSessionInfoSchema = z.object({
  expiresAt: isoInstantSchema,
  /** The session ends here unless used before (sliding idle timeout). */
  idleExpiresAt: isoInstantSchema,
  user: adminSessionUserSchema,
});
export type AdminSessionInfo = z.infer<typeof adminSessionInfoSchema>;

/** POST /api/admin/password: the signed-in admin changes their own password. */
export const adminPasswordChangeRequestSchema = z.strictObject({
  current: z.string().min(1).max(200),
  next: adminPasswordSchema,
});
export type AdminPasswordChangeRequest = z.infer<typeof adminPasswordChangeRequestSchema>;

// ---- admin users ----------------------------------------------------------------

export const adminUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  createdAt: isoInstantSchema,
  disabled: z.boolean(),
  /** Set while a lockout after failed sign-ins lasts. */
  lockedUntil: isoInstantSchema.nullable(),
  mustChangePassword: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListResponseSchema = z.object({ users: z.array(adminUserSchema) });
export type AdminUserListResponse = z.infer<typeof adminUserListResponseSchema>;

/** POST /api/admin/users: the new admin signs in with this password (and may change it). */
export const createAdminUserRequestSchema = z.strictObject({
  username: adminUsernameSchema,
  displayName: displayNameSchema.optional(),
  password: adminPasswordSchema,
});
export type CreateAdminUserRequest = z.infer<typeof createAdminUserRequestSchema>;

// ---- clerks -----------------------------------------------------------------------

export const clerkSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  createdAt: isoInstantSchema,
  disabled: z.boolean(),
  lockedUntil: isoInstantSchema.nullable(),
  /** The counter this clerk is signed in at now, if any. */
  counter: counterNumberSchema.nullable(),
});
export type Clerk = z.infer<typeof clerkSchema>;
export const clerkListResponseSchema = z.object({ clerks: z.array(clerkSchema) });
export type ClerkListResponse = z.infer<typeof clerkListResponseSchema>;

export const createClerkRequestSchema = z.strictObject({ code: clerkCodeSchema, name: displayNameSchema, pin: clerkPinSchema });
export type CreateClerkRequest = z.infer<typeof createClerkRequestSchema>;
export const updateClerkRequestSchema = z.strictObject({ name: displayNameSchema });
export type UpdateClerkRequest = z.infer<typeof updateClerkRequestSchema>;
export const clerkPinResetRequestSchema = z.strictObject({ pin: clerkPinSchema });
export type ClerkPinResetRequest = z.infer<typeof clerkPinResetRequestSchema>;

/** POST /api/counters/:counter/clerk: a clerk signs in at the counter console. */
export const clerkSignInRequestSchema = z.strictObject({
  code: z.string().trim().min(1).max(20),
  pin: z.string().min(1).max(8),
});
export type ClerkSignInRequest = z.infer<typeof clerkSignInRequestSchema>;

/** GET (and the 200 of POST/DELETE) /api/counters/:counter/clerk. */
export const counterClerkResponseSchema = z.object({
  /** True when any enabled clerk exists: the console must then sign in with code + PIN. */
  required: z.boolean(),
  clerk: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type CounterClerkResponse = z.infer<typeof counterClerkResponseSchema>;

// ---- audit log ----------------------------------------------------------------------

/**
 * GET /api/admin/audit?from&to&actor&kind&beforeId&limit: newest first; page with
 * `beforeId` = the last id seen. `actor`: one person's entries (as in `entry.actor`);
 * `kind`: one action (`service.update`) or every action of a kind (`service`).
 */
export const auditQuerySchema = z.strictObject({
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  actor: z.string().min(1).max(200).optional(),
  kind: z
    .string()
    .regex(/^[a-z-]{1,40}(\.[a-z-]{1,40})?$/, 'an action or a kind: letters and dashes')
    .optional(),
  beforeId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be a positive integer')
    .transform(Number)
    .optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'must be 1–500')
    .transform(Number)
    .pipe(z.number().int().min(1).max(500))
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoInstantSchema,
  /** `admin:<username>`, `device:<id> <name>` or `system`. */
  actor: z.string(),
  /** Dotted: `admin-user.create`, `clerk.pin-reset`, `backup.download`… */
  action: z.string(),
  target: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The actor as a person reads it: the admin's username, the device's name; null for `system`. */
  actorName: z.string().nullable().optional(),
  /** The target's name now (a service, area, clerk, admin or device), when it still exists. */
  targetName: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** GET /api/admin/audit/actors: everyone with an entry, for the "person" filter. */
export const auditActorsResponseSchema = z.object({ actors: z.array(z.object({ actor: z.string(), name: z.string().nullable() })) });
export const auditListResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `beforeId` for the next (older) page; null when this page is the last. */
  nextBeforeId: z.number().int().nullable(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

// ---- backups ---------------------------------------------------------------------------

/** GET /api/admin/backups: the nightly backups kept in `<data>/backups/nightly`. */
export const backupFileSchema = z.object({
  fileName: z.string(),
  /** The service day it was taken on (yyyy-MM-dd). */
  day: z.string(),
  sizeBytes: z.number().int().min(0),
  createdAt: isoInstantSchema,
});
export type BackupFile = z.infer<typeof backupFileSchema>;
export const backupListResponseSchema = z.object({
  backups: z.array(backupFileSchema),
  /** The local hour (center time zone) the nightly backup is taken at (config.backup.hour). */
  hour: z.number().int(),
  keepDays: z.number().int(),
});
export type BackupListResponse = z.infer<typeof backupListResponseSchema>;
