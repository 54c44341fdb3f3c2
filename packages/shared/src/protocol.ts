/**
 * Wire protocol identity and error vocabulary shared by the hub and every client.
 * Bump PROTOCOL_VERSION only for breaking changes; additive fields keep it.
 */
export const PROTOCOL_VERSION = 1;

export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUEUE_FULL: 'QUEUE_FULL',
  CLOSED: 'CLOSED',
  /** An admin paused the service: no new tickets for it, waiting ones are still called. */
  SERVICE_PAUSED: 'SERVICE_PAUSED',
  RATE_LIMITED: 'RATE_LIMITED',
  TOO_LARGE: 'TOO_LARGE',
  INTERNAL: 'INTERNAL',
  /** The database stayed locked by another writer past the wait limit: nothing was written; retry (same requestId). */
  BUSY: 'BUSY',
  /**
   * The hub's storage refused the write (the disk is full, or failing): nothing was
   * written (the transaction rolled back); reads still work. Retry later with the same
   * requestId; an administrator has to free space.
   */
  STORAGE_FULL: 'STORAGE_FULL',
  /** Wrong username/password or clerk code/PIN (the token, if any, was fine). */
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  /** Too many failed sign-ins for this admin or clerk; the message says until when. */
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  /** The signed-in admin must change the one-time password before anything else. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /** Clerks are configured and nobody is signed in at this counter. */
  CLERK_REQUIRED: 'CLERK_REQUIRED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const HTTP_STATUS_BY_ERROR: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUEUE_FULL: 409,
  CLOSED: 409,
  SERVICE_PAUSED: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  INTERNAL: 500,
  BUSY: 503,
  STORAGE_FULL: 503,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  CLERK_REQUIRED: 409,
};

/** Request bodies larger than this are refused with TOO_LARGE before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

export const ROLES = ['kiosk', 'counter', 'display', 'portal', 'admin'] as const;
export type Role = (typeof ROLES)[number];
