import { DEFAULT_TIME_ZONE, formatDateTime } from '@layso/shared';
import { AdminApiError } from '../api/admin-api.js';
import type { Translate } from '../i18n/use-text.js';

/** One sentence for an error banner, in the console's language, from the hub's error shape. */
/** The hub's lockout message ends with the instant in parentheses: shown in the center's time. */
export function lockedUntil(message: string, timeZone: string): string | null {
  const match = /\((\d{4}-\d{2}-\d{2}T[^)]+)\)/.exec(message);
  return match && !Number.isNaN(Date.parse(match[1]!)) ? formatDateTime(match[1]!, timeZone) : null;
}

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
    case 'BAD_CREDENTIALS':
      return t('badCredentials');
    case 'ACCOUNT_LOCKED': {
      const at = lockedUntil(error.message, timeZone);
      return at ? t('accountLocked', { at }) : t('errorOther', { message: error.message });
    }
    default:
      return t('errorOther', { message: error.message });
  }
}
