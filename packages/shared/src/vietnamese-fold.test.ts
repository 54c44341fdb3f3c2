import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './vietnamese-fold.js';

/** Every Vietnamese vowel, plain and with each of its letter marks (ă â ê ô ơ ư). */
const VOWELS: Record<string, string> = { a: 'aăâ', e: 'eê', i: 'i', o: 'oôơ', u: 'uư', y: 'y' };
/** No tone, huyền, sắc, ngã, hỏi, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

describe('foldVietnamese', () => {
  it.each([
    ['Tư pháp', 'Tu phap'],
    ['Đăng ký khai sinh, Công an tỉnh (XNC)', 'Dang ky khai sinh, Cong an tinh (XNC)'],
    ['ĐƯỜNG ĐI đến quầy', 'DUONG DI den quay'],
    ['ỐỨỰ ốứự', 'OUU ouu'],
    ['Số thứ tự của bạn', 'So thu tu cua ban'],
    ['Công an tỉnh (XNC)'.normalize('NFD'), 'Cong an tinh (XNC)'],
  ])('%s → %s', (input, output) => {
    expect(foldVietnamese(input)).toBe(output);
  });

  it('maps đ and Đ, which have no combining mark to strip', () => {
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('Đ')).toBe('D');
    expect(foldVietnamese('đĐđ')).toBe('dDd');
  });

  it('folds every vowel with every tone mark, lower and upper case, precomposed or not', () => {
    for (const [plain, vowels] of Object.entries(VOWELS)) {
      for (const vowel of vowels) {
        for (const tone of TONES) {
          const composed = (vowel + tone).normalize('NFC');
          expect(foldVietnamese(composed)).toBe(plain);
          expect(foldVietnamese(composed.toUpperCase())).toBe(plain.toUpperCase());
          expect(foldVietnamese(composed.normalize('NFD'))).toBe(plain);
        }
      }
    }
  });

  it('leaves ASCII and characters that are not Vietnamese letters alone', () => {
    expect(foldVietnamese('86001 - "XNC" ✓ 中')).toBe('86001 - "XNC" ✓ 中');
  });
});
