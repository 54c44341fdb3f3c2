import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_KINDS, type AuditEntry } from '@layso/shared';
import { AUDIT_FIELDS, AUDIT_KIND_LIST } from '../i18n/audit-strings.js';
import { text, type TextKey } from '../i18n/strings.js';
import { auditActorText, auditSentences, auditTargetText } from './audit-text.js';

const vi = (key: TextKey, values?: Record<string, string | number>) => text('vi', key, values);
const en = (key: TextKey, values?: Record<string, string | number>) => text('en', key, values);
const HCM = 'Asia/Ho_Chi_Minh';
const entry = (over: Partial<AuditEntry>): AuditEntry => ({ id: 1, at: '2026-11-23T02:05:00.000Z', actor: 'admin:quantri', action: 'service.update', target: null, before: null, after: null, ...over });
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('the audit log in sentences', () => {
  it('a change is one sentence per field, with its label and the service name', () => {
    const changed = entry({ target: 'service:visa', targetName: 'Visa', before: { dailyLimit: 999, name: 'Visa' }, after: { dailyLimit: 1, name: 'Visa' } });
    expect(auditSentences(vi, changed, HCM)).toEqual(['Đổi giới hạn số trong ngày của Visa: 999 → 1']);
    expect(auditSentences(en, changed, HCM)).toEqual(['Changed the daily limit of Visa: 999 → 1']);
    const settings = entry({ action: 'settings.update', target: 'center', before: { boardNotice: null }, after: { boardNotice: 'Nghỉ trưa 12:00' } });
    expect(auditSentences(vi, settings, HCM)).toEqual(['Đổi dòng thông báo trên bảng: (trống) → Nghỉ trưa 12:00']);
  });

  it('names people and things, not ids; a failed sign-in says until when the account is locked, in center time', () => {
    expect(auditActorText(vi, entry({ actorName: 'Nguyễn Văn An' }))).toBe('Nguyễn Văn An');
    expect(auditActorText(vi, entry({ actor: 'system', actorName: null }))).toBe('Hệ thống (lệnh trên máy chủ)');
    expect(auditTargetText(entry({ target: 'day:2026-11-23' }))).toBe('23/11/2026');
    const failed = entry({ action: 'admin.sign-in-failed', target: 'admin-user:1', targetName: 'quantri', after: { lockedUntil: '2026-11-23T05:20:00.000Z' } });
    expect(auditSentences(vi, failed, HCM)).toEqual(['Đăng nhập trang quản trị không thành công (sai mật khẩu); tài khoản bị tạm khóa đến 12:20']);
    expect(auditSentences(vi, entry({ action: 'service.pause', target: 'service:visa', targetName: 'Visa' }), HCM)).toEqual(['Tạm dừng cấp số lĩnh vực Visa']);
    const signIn = entry({ action: 'clerk.sign-in', target: 'counter:60', after: { clerk: 'lan01' } });
    expect(auditSentences(vi, signIn, HCM, new Map([['lan01', 'Nguyễn Thị Lan']]))).toEqual(['Cán bộ Nguyễn Thị Lan đăng nhập tại quầy 60']);
    expect(auditSentences(vi, entry({ action: 'device.command', target: 'device:4', targetName: 'Kiosk sảnh', after: { command: 'test-print' } }), HCM)).toEqual([
      'Gửi lệnh «In thử» tới thiết bị Kiosk sảnh',
    ]);
  });

  it('has a Vietnamese and an English sentence for every action kind the hub writes', () => {
    for (const action of AUDIT_ACTIONS) {
      const shown = entry({ action, target: 'service:visa', targetName: 'Visa', after: { clerk: 'lan01', counter: 60, command: 'reload' } });
      const [viText] = auditSentences(vi, shown, HCM);
      const [enText] = auditSentences(en, shown, HCM);
      expect(viText, action).toMatch(VIETNAMESE);
      expect(viText, action).not.toMatch(/\{\w+\}|audit_|\w+\.\w+-?\w*/);
      expect(enText, action).not.toMatch(/\{\w+\}/);
      expect(enText, action).not.toBe(viText);
    }
  });

  it('has a label for every field and a word for every kind', () => {
    for (const field of AUDIT_FIELDS) expect(vi(`field_${field}`), field).toMatch(VIETNAMESE);
    expect([...AUDIT_KIND_LIST].sort()).toEqual([...AUDIT_KINDS].sort());
    for (const kind of AUDIT_KIND_LIST) expect(vi(`auditKind_${kind}`), kind).toMatch(VIETNAMESE);
  });
});
