import { stripControlChars } from '@layso/shared';

/**
 * Last-resort text for printers with no Vietnamese at all: "Tư pháp" → "Tu phap",
 * the way Vietnamese SMS are written. Đ/đ are letters of their own (no combining
 * mark to strip), so they are mapped by hand.
 */
const SPECIAL: Record<string, string> = {
  đ: 'd',
  Đ: 'D',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u20ab': 'd',
};

/** Printable ASCII only: control characters (ESC, GS, …) are removed, never passed to the printer. */
export function foldToAscii(text: string): string {
  let out = '';
  for (const char of stripControlChars(text).normalize('NFD').replace(/\p{M}/gu, '')) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out += char;
    else out += SPECIAL[char] ?? '?';
  }
  return out;
}
