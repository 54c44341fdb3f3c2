import { stripControlChars } from '@layso/shared';

/**
 * Word wrapping by printed columns. One Vietnamese letter is one column on paper,
 * whatever its bytes, so we count NFC code points, not UTF-16 units or bytes.
 */
export function columnsOf(text: string): number {
  return Array.from(text.normalize('NFC')).length;
}

/**
 * Wraps on spaces; a word is split only when it alone is longer than a line,
 * because a long unbreakable token (a URL, a code) must still be printed whole.
 */
export function wrapText(text: string, width: number): string[] {
  if (width < 1) throw new RangeError(`line width must be at least 1, got ${width}`);
  // Control characters are printer commands, not text: gone before the line is measured (the encoders drop them too).
  const words = stripControlChars(text).normalize('NFC').split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces = splitLongWord(word, width);
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (columnsOf(line) + 1 + columnsOf(piece) <= width) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function splitLongWord(word: string, width: number): string[] {
  const chars = Array.from(word);
  if (chars.length <= width) return [word];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
  return pieces;
}
