import { describe, expect, it } from 'vitest';
import { AdminApiError } from '../api/admin-api.js';
import { text, type TextKey } from '../i18n/strings.js';
import { errorText, lockedUntilText } from './error-text.js';

const vi = (key: TextKey, values?: Record<string, string | number>) => text('vi', key, values);
const en = (key: TextKey, values?: Record<string, string | number>) => text('en', key, values);
const MESSAGE = 'Tạm khoá do nhập sai nhiều lần, thử lại sau 22/11/2026 12:20 / locked after too many failed attempts until 22/11/2026 12:20 (2026-11-22T05:20:00.000Z)';

describe('error sentences', () => {
  it('says until when a locked account stays locked, as HH:mm in the center time, from the structured details', () => {
    const locked = new AdminApiError('ACCOUNT_LOCKED', 423, MESSAGE, [], '2026-11-22T05:20:00.000Z');
    expect(lockedUntilText(locked, 'Asia/Ho_Chi_Minh')).toBe('12:20');
    expect(lockedUntilText(locked, 'Asia/Tokyo')).toBe('14:20');
    expect(errorText(vi, locked, 'Asia/Ho_Chi_Minh')).toBe('Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 12:20.');
    expect(errorText(en, locked, 'Asia/Ho_Chi_Minh')).toBe('The account is locked after too many failed sign-ins. Please try again after 12:20.');
  });

  it('never reads the time from the message: without details it says "in a few minutes"', () => {
    const bare = new AdminApiError('ACCOUNT_LOCKED', 423, MESSAGE);
    expect(lockedUntilText(bare, 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(errorText(vi, bare)).toBe('Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.');
    expect(errorText(vi, new AdminApiError('ACCOUNT_LOCKED', 423, MESSAGE, [], 'not a date'))).toBe(
      'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.',
    );
  });

  it('keeps the hub message when a conflict explains itself, and names an unreachable hub', () => {
    expect(errorText(vi, new AdminApiError('CONFLICT', 409, 'prefix 86 is already used'))).toBe('Không thực hiện được: prefix 86 is already used');
    expect(errorText(vi, new AdminApiError('NETWORK', 0, 'fetch failed'))).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  });

  it('a full disk on the hub: says the change was not saved and what to do, not the hub\'s English message', () => {
    const full = new AdminApiError('STORAGE_FULL', 503, "the hub's storage refused the write (disk full); nothing was saved, retry later");
    expect(errorText(vi, full)).toBe('Máy chủ hết dung lượng lưu trữ, chưa lưu được thay đổi. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.');
    expect(errorText(en, full)).toBe("The hub's storage is full; the change was not saved. Free disk space, then try again.");
  });
});
