import { foldVietnamese, stripControlChars } from '@layso/shared';

/**
 * Last-resort text for printers with no Vietnamese at all: "Tư pháp" → "Tu phap"
 * (foldVietnamese), then typographic punctuation a printer has no glyph for.
 */
const SPECIAL: Record<string, string> = {
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
  for (const char of foldVietnamese(stripControlChars(text))) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out += char;
    else out += SPECIAL[char] ?? '?';
  }
  return out;
}
