import { DEFAULT_TIME_ZONE, formatTime } from '@layso/shared';
import { AdminApiError } from '../api/admin-api.js';
import type { Translate } from '../i18n/use-text.js';

/**
 * The end of a lockout as HH:mm in the center's time, from the hub's structured
 * `details.lockedUntil` (never parsed from the message). A lock lasts minutes, so the
 * time of day is enough. Null when the hub sent no usable instant.
 */
export function lockedUntilText(error: AdminApiError, timeZone: string): string | null {
  return error.lockedUntil && !Number.isNaN(Date.parse(error.lockedUntil)) ? formatTime(error.lockedUntil, timeZone) : null;
}

/** One sentence for an error banner, in the console's language, from the hub's error shape. */
export function errorText(t: Translate, error: unknown, timeZone = DEFAULT_TIME_ZONE): string {
  if (!(error instanceof AdminApiError)) return t('errorOther', { message: String((error as Error)?.message ?? error) });
  switch (error.code) {
    case 'NETWORK':
      return error.status === 404 ? t('errorUnavailable') : t('errorNetwork');
    case 'VALIDATION':
      return error.details.length > 0 ? t('errorValidation') : t('errorOther', { message: error.message });
    case 'CONFLICT':
    case 'QUEUE_FULL':
    case 'CLOSED':
      return t('errorConflict', { message: error.message });
    case 'NOT_FOUND':
      return t('errorNotFound', { message: error.message });
    case 'FORBIDDEN':
      return t('errorForbidden');
    case 'STORAGE_FULL':
      return t('errorStorageFull');
    case 'BAD_CREDENTIALS':
      return t('badCredentials');
    case 'ACCOUNT_LOCKED': {
      const at = lockedUntilText(error, timeZone);
      return at ? t('accountLocked', { at }) : t('accountLockedNoTime');
    }
    default:
      return t('errorOther', { message: error.message });
  }
}
