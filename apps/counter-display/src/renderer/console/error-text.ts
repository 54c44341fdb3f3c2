import { HubApiError } from '@layso/shared/client';
import { UI, s } from '../strings.js';

/** A failed command in words a clerk can act on (the hub's own messages are English, for logs). */
export function errorText(error: unknown): string {
  if (!(error instanceof HubApiError)) return UI.errorUnexpected;
  switch (error.code) {
    case 'NETWORK':
      return UI.errorNetwork;
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
    case 'ACCOUNT_LOCKED':
      return UI.clerkLocked;
    default:
      return `Máy chủ báo lỗi (${error.code}). Vui lòng thử lại.`;
  }
}
