import { DEFAULT_TIME_ZONE, formatTime } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { UI, clerkLockedUntil, s } from '../strings.js';

/** The end of a lockout (ISO instant) from the hub's structured details; null otherwise. */
export function lockedUntil(error: unknown): string | null {
  if (!(error instanceof HubApiError) || error.code !== 'ACCOUNT_LOCKED') return null;
  const at = error.lockedUntil;
  return at && !Number.isNaN(Date.parse(at)) ? at : null;
}

/**
 * A failed command in words a clerk can act on (the hub's own messages are English, for
 * logs). `timeZone` is the center's, for the end of a lockout shown as HH:mm.
 */
export function errorText(error: unknown, timeZone = DEFAULT_TIME_ZONE): string {
  if (!(error instanceof HubApiError)) return UI.errorUnexpected;
  switch (error.code) {
    case 'NETWORK':
      return UI.errorNetwork;
    case 'BUSY':
      return UI.errorBusy;
    case 'STORAGE_FULL':
      return s('storageFull');
    case 'UNAUTHENTICATED':
      return UI.unauthorized;
    case 'FORBIDDEN':
      return UI.errorForbidden;
    case 'CONFLICT':
      return UI.errorConflict;
    case 'CLOSED':
      return s('closed');
    case 'RATE_LIMITED':
      return UI.errorRateLimited;
    case 'NOT_FOUND':
      return UI.errorNotFound;
    case 'CLERK_REQUIRED':
      return UI.clerkRequired;
    case 'BAD_CREDENTIALS':
      return UI.clerkBadCredentials;
    case 'ACCOUNT_LOCKED': {
      const until = lockedUntil(error);
      return until ? clerkLockedUntil(formatTime(until, timeZone)) : UI.clerkLocked;
    }
    default:
      return `Máy chủ báo lỗi (${error.code}). Vui lòng thử lại.`;
  }
}
