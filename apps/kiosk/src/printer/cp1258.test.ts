import { describe, expect, it } from 'vitest';
import { decodeCp1258, encodeCp1258 } from './cp1258.js';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Every Vietnamese letter: 12 vowels × 6 tones × 2 cases, plus đ and Đ. */
function vietnameseLetters(): string[] {
  const letters: string[] = [];
  for (const vowel of VOWELS) {
    for (const tone of TONES) {
      const letter = (vowel + tone).normalize('NFC');
      letters.push(letter, letter.toUpperCase());
    }
  }
  letters.push('đ', 'Đ');
  return letters;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');

describe('encodeCp1258 / decodeCp1258', () => {
  const letters = vietnameseLetters();

  it('covers 146 distinct letters, each a single precomposed code point', () => {
    expect(new Set(letters).size).toBe(146);
    for (const letter of letters) expect(Array.from(letter)).toHaveLength(1);
  });

  it.each(letters)('round-trips %s', (letter) => {
    const bytes = encodeCp1258(letter);
    expect(bytes.length === 1 || bytes.length === 2).toBe(true);
    expect(decodeCp1258(bytes)).toBe(letter);
    // Cross-check with the platform's own Windows-1258 table (ICU/WHATWG).
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(letter);
  });

  it('round-trips whole Vietnamese phrases, including decomposed input', () => {
    const phrase = 'Số người đang chờ trước bạn: 3. Thời gian chờ dự kiến: 15 phút. ỨNG DỤNG ĐƯỢC. Quầy số 86';
    expect(decodeCp1258(encodeCp1258(phrase))).toBe(phrase);
    expect(decodeCp1258(encodeCp1258(phrase.normalize('NFD')))).toBe(phrase);
  });

  it('spells ố, ứ and ự as base letter plus tone byte', () => {
    expect(hex(encodeCp1258('ố'))).toBe('f4 ec');
    expect(hex(encodeCp1258('ứ'))).toBe('fd ec');
    expect(hex(encodeCp1258('ự'))).toBe('fd f2');
    expect(hex(encodeCp1258('Ố'))).toBe('d4 ec');
    expect(hex(encodeCp1258('Ự'))).toBe('dd f2');
  });

  it('uses the five CP1258 tone bytes', () => {
    expect(hex(encodeCp1258('ầ ấ ẫ ẩ ậ'))).toBe('e2 cc 20 e2 ec 20 e2 de 20 e2 d2 20 e2 f2');
  });

  it('prefers a precomposed CP1258 letter where one exists', () => {
    expect(hex(encodeCp1258('à á è é í ó ù ú'))).toBe('e0 20 e1 20 e8 20 e9 20 ed 20 f3 20 f9 20 fa');
    expect(hex(encodeCp1258('À Á Ê Ô Ơ Ư Ă Đ đ'))).toBe('c0 20 c1 20 ca 20 d4 20 d5 20 dd 20 c3 20 d0 20 f0');
    // Not in CP1258 precomposed: ì ò ã õ ý are letter + mark.
    expect(hex(encodeCp1258('ì ò ã õ ý'))).toBe('69 cc 20 6f cc 20 61 de 20 6f de 20 79 ec');
  });

  it('keeps ASCII as is and folds what CP1258 cannot show', () => {
    expect(hex(encodeCp1258('Quầy 86: A-Z'))).toBe('51 75 e2 cc 79 20 38 36 3a 20 41 2d 5a');
    // ź has no precomposed byte but z + acute is valid CP1258; Ł has no decomposition at all.
    expect(decodeCp1258(encodeCp1258('Łódź ₫ €'))).toBe('?ódź ₫ €');
    expect(decodeCp1258(encodeCp1258('中'))).toBe('?');
  });

  it('decodes undefined bytes as the replacement character', () => {
    expect(decodeCp1258(Uint8Array.of(0x41, 0x81, 0x42))).toBe('A\ufffdB');
  });
});
