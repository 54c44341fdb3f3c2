import { describe, expect, it } from 'vitest';
import { foldToAscii } from './ascii-fold.js';

// The Vietnamese letters themselves (every vowel, every tone, đ) are folded by
// foldVietnamese and tested in packages/shared; here, what the printer's fold adds.
describe('foldToAscii', () => {
  it('folds a ticket line through the shared Vietnamese fold', () => {
    expect(foldToAscii('Quầy số 86 — Đăng ký đất đai')).toBe('Quay so 86 - Dang ky dat dai');
  });

  it.each([
    ['Thông tin & Truyền thông – “XNC”', 'Thong tin & Truyen thong - "XNC"'],
    ['Chờ…', 'Cho...'],
    ['‘A’\u00a0B', "'A' B"],
    ['50.000 ₫', '50.000 d'],
  ])('maps typographic punctuation %s → %s', (input, output) => {
    expect(foldToAscii(input)).toBe(output);
  });

  it('removes control characters instead of passing them to the printer', () => {
    expect(foldToAscii('Số\u001b@ 86\u001dV')).toBe('So@ 86V');
  });

  it('replaces anything else outside ASCII with ?', () => {
    expect(foldToAscii('86001 ✓ 中')).toBe('86001 ? ?');
  });
});
