import { ErrorCode, formatDateTime } from '@layso/shared';
import { ApiError } from '../http/api-error.js';

/** One message for a wrong name and a wrong password: never reveal which names exist. */
export function badCredentials(what: 'admin' | 'clerk'): ApiError {
  return what === 'admin'
    ? new ApiError(ErrorCode.BAD_CREDENTIALS, 'Sai tên đăng nhập hoặc mật khẩu / wrong username or password')
    : new ApiError(ErrorCode.BAD_CREDENTIALS, 'Sai mã cán bộ hoặc mã PIN / wrong clerk code or PIN');
}

/** Says until when (center time) so the person knows how long to wait. */
export function accountLocked(until: number, timeZone: string): ApiError {
  const at = formatDateTime(until, timeZone);
  return new ApiError(
    ErrorCode.ACCOUNT_LOCKED,
    `Tạm khoá do nhập sai nhiều lần, thử lại sau ${at} / locked after too many failed attempts until ${at} (${new Date(until).toISOString()})`,
  );
}
