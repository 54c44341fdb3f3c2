import { ErrorCode, formatDateTime } from '@layso/shared';
import { AuthError } from './auth-error.js';

/** One message for a wrong name and a wrong password: never reveal which names exist. */
export function badCredentials(what: 'admin' | 'clerk'): AuthError {
  return what === 'admin'
    ? new AuthError(ErrorCode.BAD_CREDENTIALS, 'Sai tên đăng nhập hoặc mật khẩu / wrong username or password')
    : new AuthError(ErrorCode.BAD_CREDENTIALS, 'Sai mã cán bộ hoặc mã PIN / wrong clerk code or PIN');
}

/**
 * Says until when so the person knows how long to wait: in words (center time) for
 * logs and old clients, and as `details.lockedUntil` (ISO instant) for the consoles,
 * which format it themselves instead of parsing the sentence.
 */
export function accountLocked(until: number, timeZone: string): AuthError {
  const at = formatDateTime(until, timeZone);
  const lockedUntil = new Date(until).toISOString();
  return new AuthError(
    ErrorCode.ACCOUNT_LOCKED,
    `Tạm khoá do nhập sai nhiều lần, thử lại sau ${at} / locked after too many failed attempts until ${at} (${lockedUntil})`,
    { lockedUntil },
  );
}
