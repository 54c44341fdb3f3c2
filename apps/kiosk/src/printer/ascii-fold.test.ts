import { describe, expect, it } from 'vitest';
import { foldToAscii } from './ascii-fold.js';

describe('foldToAscii', () => {
  it.each([
    ['Tư pháp', 'Tu phap'],
    ['Số thứ tự của bạn', 'So thu tu cua ban'],
    ['Quầy số 86', 'Quay so 86'],
    ['Đăng ký đất đai', 'Dang ky dat dai'],
    ['ỨNG DỤNG ĐƯỢC', 'UNG DUNG DUOC'],
    ['Thời gian chờ dự kiến: 15 phút', 'Thoi gian cho du kien: 15 phut'],
    ['Vui lòng chờ đến lượt', 'Vui long cho den luot'],
    ['Thông tin & Truyền thông – “XNC”', 'Thong tin & Truyen thong - "XNC"'],
    ['Công an tỉnh (XNC)'.normalize('NFD'), 'Cong an tinh (XNC)'],
  ])('%s → %s', (input, output) => {
    expect(foldToAscii(input)).toBe(output);
  });

  it('folds every Vietnamese vowel with every tone to its base letter', () => {
    const table: Record<string, string> = { a: 'aăâ', e: 'eê', i: 'i', o: 'oôơ', u: 'uư', y: 'y' };
    for (const [plain, vowels] of Object.entries(table)) {
      for (const vowel of vowels) {
        for (const tone of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
          const letter = (vowel + tone).normalize('NFC');
          expect(foldToAscii(letter)).toBe(plain);
          expect(foldToAscii(letter.toUpperCase())).toBe(plain.toUpperCase());
        }
      }
    }
  });

  it('replaces anything else outside ASCII with ?', () => {
    expect(foldToAscii('86001 ✓ 中')).toBe('86001 ? ?');
  });
});
