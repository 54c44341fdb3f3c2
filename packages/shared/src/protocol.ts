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
  RATE_LIMITED: 'RATE_LIMITED',
  TOO_LARGE: 'TOO_LARGE',
  INTERNAL: 'INTERNAL',
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
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  INTERNAL: 500,
};

/** Request bodies larger than this are refused with TOO_LARGE before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

export const ROLES = ['kiosk', 'counter', 'display', 'portal', 'admin'] as const;
export type Role = (typeof ROLES)[number];
