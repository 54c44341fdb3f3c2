import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fill-template.js';

describe('fillTemplate', () => {
  it('fills every named value, numbers included', () => {
    expect(fillTemplate('{share}% công dân được gọi trong vòng {n} phút.', { share: '87,5', n: 15 })).toBe('87,5% công dân được gọi trong vòng 15 phút.');
    expect(fillTemplate('Quầy số {n} · quầy {n}', { n: 0 })).toBe('Quầy số 0 · quầy 0');
  });

  it('leaves a placeholder with no value as written', () => {
    expect(fillTemplate('Đã hoàn tác số {n} ({s})', { n: '86001' })).toBe('Đã hoàn tác số 86001 ({s})');
    expect(fillTemplate('{n} người', { n: undefined })).toBe('{n} người');
    expect(fillTemplate('{toString} {constructor}')).toBe('{toString} {constructor}');
  });

  it('leaves text without placeholders and braces that name nothing alone', () => {
    expect(fillTemplate('Vui lòng chờ', { n: 1 })).toBe('Vui lòng chờ');
    expect(fillTemplate('{ n } {}', { n: 1 })).toBe('{ n } {}');
  });
});
