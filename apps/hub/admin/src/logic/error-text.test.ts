import { describe, expect, it } from 'vitest';
import { AdminApiError } from '../api/admin-api.js';
import { text, type TextKey } from '../i18n/strings.js';
import { errorText, lockedUntil } from './error-text.js';

const vi = (key: TextKey, values?: Record<string, string | number>) => text('vi', key, values);

describe('error sentences', () => {
  it('says until when a locked account stays locked, in the center time', () => {
    const message = 'Tạm khoá do nhập sai nhiều lần, thử lại sau 22/11/2026 12:20 / locked after too many failed attempts until 22/11/2026 12:20 (2026-11-22T05:20:00.000Z)';
    expect(lockedUntil(message, 'Asia/Ho_Chi_Minh')).toBe('22/11/2026 12:20');
    expect(errorText(vi, new AdminApiError('ACCOUNT_LOCKED', 423, message))).toBe('Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 22/11/2026 12:20.');
  });

  it('keeps the hub message when a conflict explains itself, and names an unreachable hub', () => {
    expect(errorText(vi, new AdminApiError('CONFLICT', 409, 'prefix 86 is already used'))).toBe('Không thực hiện được: prefix 86 is already used');
    expect(errorText(vi, new AdminApiError('NETWORK', 0, 'fetch failed'))).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  });
});
