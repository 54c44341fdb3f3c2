import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, HubApiError } from '@layso/ui';
import { setUiLanguage } from '../strings.js';
import { errorText, lockedUntil } from './error-text.js';

const UNTIL = '2026-11-22T05:20:00.000Z';
const MESSAGE = 'Tạm khoá do nhập sai nhiều lần, thử lại sau 22/11/2026 12:20 / locked after too many failed attempts until 22/11/2026 12:20 (2026-11-22T05:20:00.000Z)';

afterEach(() => setUiLanguage('vi'));

describe('a clerk lockout in words', () => {
  it('shows the end of the lock as HH:mm in the center time, Vietnamese first, English on the toggle', () => {
    const locked = new HubApiError('ACCOUNT_LOCKED', 423, MESSAGE, { lockedUntil: UNTIL });
    expect(lockedUntil(locked)).toBe(UNTIL);
    expect(errorText(locked, 'Asia/Ho_Chi_Minh')).toBe('Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau 12:20.');
    expect(errorText(locked, 'Asia/Tokyo')).toBe('Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau 14:20.');
    setUiLanguage('en');
    expect(errorText(locked, 'Asia/Ho_Chi_Minh')).toBe('Too many wrong attempts; locked for now. Please try again after 12:20.');
  });

  it('never parses the message: without structured details it says "in a few minutes"', () => {
    const bare = new HubApiError('ACCOUNT_LOCKED', 423, MESSAGE);
    expect(lockedUntil(bare)).toBeNull();
    expect(errorText(bare)).toBe('Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau ít phút.');
    // Field issues are not a lock end, and another code never has one.
    expect(lockedUntil(new HubApiError('ACCOUNT_LOCKED', 423, 'x', [{ path: 'pin', message: 'bad' }]))).toBeNull();
    expect(lockedUntil(new HubApiError('CONFLICT', 409, 'x', { lockedUntil: UNTIL }))).toBeNull();
  });

  it('gets the details through the API client from the hub error body', async () => {
    const body = { error: { code: 'ACCOUNT_LOCKED', message: MESSAGE, details: { lockedUntil: UNTIL } } };
    const api = createApiClient({
      token: 'device-token',
      fetch: () => Promise.resolve(new Response(JSON.stringify(body), { status: 423, headers: { 'Content-Type': 'application/json' } })),
    });
    const failure: unknown = await api.clerkSignIn(60, { code: 'hoa', pin: '1357' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HubApiError);
    expect((failure as HubApiError).details).toEqual({ lockedUntil: UNTIL });
    expect(errorText(failure, 'Asia/Ho_Chi_Minh')).toBe('Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau 12:20.');
  });
});

describe('other refusals in words', () => {
  it('a busy hub (503 BUSY): nothing changed, press again', () => {
    expect(errorText(new HubApiError('BUSY', 503, 'the hub is busy; nothing was saved, please retry'))).toBe('Máy chủ đang bận, chưa có gì thay đổi. Vui lòng bấm lại.');
    setUiLanguage('en');
    expect(errorText(new HubApiError('BUSY', 503, 'x'))).toBe('The server is busy; nothing was changed. Please press again.');
  });

  it('a full disk on the hub (503 STORAGE_FULL): nothing saved, tell the administrator', () => {
    setUiLanguage('vi');
    expect(errorText(new HubApiError('STORAGE_FULL', 503, 'the hub\'s storage refused the write (disk full); nothing was saved, retry later'))).toBe(
      'Máy chủ hết dung lượng lưu trữ, chưa ghi được. Vui lòng báo quản trị viên.',
    );
    setUiLanguage('en');
    expect(errorText(new HubApiError('STORAGE_FULL', 503, 'x'))).toBe('The server\'s storage is full; nothing was saved. Please tell the administrator.');
  });
});
