import { describe, expect, it } from 'vitest';
import { ErrorCode, FIELD_RULES, REFUSAL_KINDS, refusalSchema, type Refusal, type RefusalKind } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { text, type TextKey } from '../i18n/strings.js';
import { errorText, fieldIssueText, lockedUntilText, refusalText } from './error-text.js';

const vi = (key: TextKey, values?: Record<string, string | number>) => text('vi', key, values);
const en = (key: TextKey, values?: Record<string, string | number>) => text('en', key, values);
const MESSAGE = 'Tạm khoá do nhập sai nhiều lần, thử lại sau 22/11/2026 12:20 / locked after too many failed attempts until 22/11/2026 12:20 (2026-11-22T05:20:00.000Z)';

describe('error sentences', () => {
  it('says until when a locked account stays locked, as HH:mm in the center time, from the structured details', () => {
    const locked = new HubApiError('ACCOUNT_LOCKED', 423, MESSAGE, { lockedUntil: '2026-11-22T05:20:00.000Z' });
    expect(lockedUntilText(locked, 'Asia/Ho_Chi_Minh')).toBe('12:20');
    expect(lockedUntilText(locked, 'Asia/Tokyo')).toBe('14:20');
    expect(errorText(vi, locked, 'Asia/Ho_Chi_Minh')).toBe('Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 12:20.');
    expect(errorText(en, locked, 'Asia/Ho_Chi_Minh')).toBe('The account is locked after too many failed sign-ins. Please try again after 12:20.');
  });

  it('never reads the time from the message: without details it says "in a few minutes"', () => {
    const bare = new HubApiError('ACCOUNT_LOCKED', 423, MESSAGE);
    expect(lockedUntilText(bare, 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(errorText(vi, bare)).toBe('Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.');
    expect(errorText(vi, new HubApiError('ACCOUNT_LOCKED', 423, MESSAGE, { lockedUntil: 'not a date' }))).toBe(
      'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.',
    );
  });

  it('words a refusal from its structured reason, never from the hub message', () => {
    const message = 'Hai số đầu 86 đã dùng cho lĩnh vực "Công an – XNC" / prefix 86 is already used by service "cong-an-xnc"';
    const reason: Refusal = { kind: 'prefix-taken', prefix: '86', serviceId: 'cong-an-xnc', serviceName: 'Công an – XNC' };
    const taken = new HubApiError('CONFLICT', 409, message, undefined, reason);
    expect(errorText(vi, taken)).toBe('Tiền tố 86 đã được dùng cho lĩnh vực «Công an – XNC».');
    expect(errorText(en, taken)).toBe('Prefix 86 is already used by the service “Công an – XNC”.');
    // Without a reason, the code alone: still no English in the Vietnamese sentence.
    expect(errorText(vi, new HubApiError('CONFLICT', 409, 'prefix 86 is already used'))).toBe(
      'Không thực hiện được vì dữ liệu vừa thay đổi. Hãy tải lại trang rồi thử lại.',
    );
    expect(errorText(vi, new HubApiError('NETWORK', 0, 'fetch failed'))).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
    expect(errorText(vi, new Error('Cannot read properties of undefined'))).not.toContain('Cannot');
  });

  it('fills lists, counters and words of a reason in the console language', () => {
    expect(refusalText(vi, { kind: 'area-has-counters', areaId: 'a', areaName: 'Tầng 1', counters: [3, 4] })).toBe(
      'Khu vực «Tầng 1» còn quầy 3, 4. Hãy chuyển hoặc xoá các quầy này trước.',
    );
    expect(refusalText(vi, { kind: 'counter-serving', counter: 5, ticket: '86001', change: 'renumber' })).toBe(
      'Quầy 5 đang phục vụ số 86001. Hãy hoàn thành số này trước khi đổi số quầy.',
    );
    expect(refusalText(vi, { kind: 'command-not-for-role', command: 'test-print', role: 'display' })).toBe('Lệnh «In thử» không dùng được cho Màn hình hiển thị.');
    expect(refusalText(vi, { kind: 'pairing-role-not-allowed', deviceKind: 'kiosk', role: 'counter' })).toBe('Máy lấy số không thể ghép nối làm Màn hình cán bộ.');
    expect(fieldIssueText(vi, { path: 'name', message: 'Too small: expected string to have >=1 characters', rule: 'too-short', limit: 1 })).toBe('Cần ít nhất 1 ký tự.');
    expect(fieldIssueText(vi, { path: 'x', message: 'Invalid input' })).toBe('Giá trị không hợp lệ.');
  });

  it('a full disk on the hub: says the change was not saved and what to do, not the hub\'s English message', () => {
    const full = new HubApiError('STORAGE_FULL', 503, "the hub's storage refused the write (disk full); nothing was saved, retry later");
    expect(errorText(vi, full)).toBe('Máy chủ hết dung lượng lưu trữ, chưa lưu được thay đổi. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.');
    expect(errorText(en, full)).toBe("The hub's storage is full; the change was not saved. Free disk space, then try again.");
  });
});

/** One example of every refusal kind: the type makes a new kind without an example a compile error. */
const EXAMPLES: { [K in RefusalKind]: Extract<Refusal, { kind: K }> } = {
  'prefix-taken': { kind: 'prefix-taken', prefix: '86', serviceId: 'cong-an-xnc', serviceName: 'Công an – XNC' },
  'service-exists': { kind: 'service-exists', serviceId: 'visa' },
  'service-unknown': { kind: 'service-unknown', serviceId: 'visa' },
  'service-listed-twice': { kind: 'service-listed-twice', serviceId: 'visa' },
  'service-has-tickets': { kind: 'service-has-tickets', serviceId: 'visa', serviceName: 'Thị thực', unfinished: 3 },
  'counters-left-without-service': { kind: 'counters-left-without-service', counters: [1, 2] },
  'area-exists': { kind: 'area-exists', areaId: 'tang-1' },
  'area-unknown': { kind: 'area-unknown', areaId: 'tang-1' },
  'last-area': { kind: 'last-area' },
  'area-has-counters': { kind: 'area-has-counters', areaId: 'tang-1', areaName: 'Tầng 1', counters: [1] },
  'counter-exists': { kind: 'counter-exists', counter: 7 },
  'counter-unknown': { kind: 'counter-unknown', counter: 7 },
  'counter-serving': { kind: 'counter-serving', counter: 7, ticket: '86001', change: 'delete' },
  'invalid-config': { kind: 'invalid-config' },
  'clerk-code-taken': { kind: 'clerk-code-taken', code: 'cb01' },
  'clerk-unknown': { kind: 'clerk-unknown', clerkId: 4 },
  'admin-user-exists': { kind: 'admin-user-exists', username: 'lan' },
  'admin-user-unknown': { kind: 'admin-user-unknown', userId: 2 },
  'cannot-disable-self': { kind: 'cannot-disable-self' },
  'wrong-current-password': { kind: 'wrong-current-password' },
  'password-unchanged': { kind: 'password-unchanged' },
  'too-many-sign-ins': { kind: 'too-many-sign-ins' },
  'device-unknown': { kind: 'device-unknown', deviceId: 9 },
  'device-revoked': { kind: 'device-revoked', deviceId: 9 },
  'device-offline': { kind: 'device-offline', deviceId: 9 },
  'command-not-for-role': { kind: 'command-not-for-role', command: 'reprint-last', role: 'counter' },
  'pairing-code-unknown': { kind: 'pairing-code-unknown', code: '123456' },
  'pairing-role-not-allowed': { kind: 'pairing-role-not-allowed', deviceKind: 'counter-display', role: 'kiosk' },
  'pairing-counter-unknown': { kind: 'pairing-counter-unknown', counter: 40 },
  'pairing-code-raced': { kind: 'pairing-code-raced', code: '123456' },
  'too-many-pairing-codes': { kind: 'too-many-pairing-codes' },
  'too-many-wrong-codes': { kind: 'too-many-wrong-codes' },
  'voice-clip-unknown': { kind: 'voice-clip-unknown', clipId: 'den-quay-so' },
  'voice-not-wav': { kind: 'voice-not-wav' },
  'voice-format-unsupported': { kind: 'voice-format-unsupported' },
  'voice-too-short': { kind: 'voice-too-short', minMs: 150 },
  'voice-too-long': { kind: 'voice-too-long', maxMs: 6000 },
  'voice-silent': { kind: 'voice-silent' },
};

/** Vietnamese letters only Vietnamese has: a sentence without any is almost surely not Vietnamese. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
/** Words of the hub's English messages (and of unfilled templates) that must never reach the screen. */
const ENGLISH = /\b(the|is|already|used|service|counter|device|unknown|not|with|please)\b|\{\w+\}/i;

describe('every refusal the console can show', () => {
  it('has a Vietnamese sentence, and an English one, for every error code (never the hub message)', () => {
    const hubMessage = 'hub english message xyz';
    for (const code of [...Object.values(ErrorCode), 'NETWORK'] as const) {
      const error = new HubApiError(code, 409, hubMessage);
      const viText = errorText(vi, error);
      const enText = errorText(en, error);
      expect(viText, code).toMatch(VIETNAMESE);
      expect(viText, code).not.toMatch(ENGLISH);
      expect(viText, code).not.toContain('xyz');
      expect(enText, code).not.toContain('xyz');
      expect(enText, code).not.toBe(viText);
    }
  });

  it('has a Vietnamese sentence, and an English one, for every reason kind the hub sends', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...REFUSAL_KINDS].sort());
    for (const kind of REFUSAL_KINDS) {
      const reason = EXAMPLES[kind];
      expect(refusalSchema.parse(reason), kind).toEqual(reason);
      const error = new HubApiError('CONFLICT', 409, 'hub english message xyz', undefined, reason);
      const viText = errorText(vi, error);
      const enText = errorText(en, error);
      expect(viText, kind).toMatch(VIETNAMESE);
      expect(viText, kind).not.toMatch(ENGLISH);
      expect(enText, kind).not.toMatch(/\{\w+\}/);
      expect(enText, kind).not.toBe(viText);
    }
  });

  it('has words for every field rule in both languages', () => {
    for (const rule of FIELD_RULES) {
      const viText = fieldIssueText(vi, { path: 'name', message: 'Too big: expected xyz', rule, limit: 80 });
      expect(viText, rule).toMatch(VIETNAMESE);
      expect(viText, rule).not.toMatch(ENGLISH);
      expect(fieldIssueText(en, { path: 'name', message: 'xyz', rule, limit: 80 }), rule).not.toBe(viText);
    }
  });
});
