/**
 * Vietnamese text ⇄ Windows-1258 bytes, written here because iconv-lite's CP1258
 * only maps single code points: it turns every precomposed letter that CP1258 lacks
 * ("ố", "ứ", "ự", …) into "?". Windows-1258 spells those letters as a base letter
 * (which may carry its circumflex, breve or horn: â ê ô ơ ư ă) followed by one of five
 * combining tone bytes. Where CP1258 has the toned letter precomposed (à á è é í ó ù ú
 * and capitals) we use the single byte, as Windows does.
 */
import { stripControlChars } from '@layso/shared';
import { foldToAscii } from './ascii-fold.js';
import { CP1258_HIGH } from './cp1258-table.js';

/** The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const ENCODE = new Map<string, number>();
CP1258_HIGH.forEach((codePoint, index) => {
  if (codePoint !== null) ENCODE.set(String.fromCodePoint(codePoint), 0x80 + index);
});

const QUESTION_MARK = 0x3f;

function byteOf(char: string): number | undefined {
  const code = char.codePointAt(0)!;
  if (char.length === 1 && code < 0x80) return code;
  return ENCODE.get(char);
}

/** A letter with its combining marks; a lone mark is a cluster of its own. */
function clusters(text: string): string[] {
  return text.normalize('NFD').match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

function encodeCluster(cluster: string): number[] {
  const chars = Array.from(cluster);
  const base = chars[0]!;
  const marks = chars.slice(1);
  const tones = marks.filter((mark) => TONE_MARKS.has(mark));
  const others = marks.filter((mark) => !TONE_MARKS.has(mark));
  // NFD puts the dot below before the circumflex ("ậ" = a ̣ ̂), so compose the
  // vowel first ("â") and append the tone, rather than trusting mark order.
  const letter = (base + others.join('')).normalize('NFC');

  if (tones.length <= 1) {
    const whole = byteOf((letter + (tones[0] ?? '')).normalize('NFC'));
    if (whole !== undefined) return [whole];
    const letterByte = byteOf(letter);
    const toneByte = tones[0] === undefined ? undefined : byteOf(tones[0]);
    if (letterByte !== undefined && (tones.length === 0 || toneByte !== undefined)) {
      return toneByte === undefined ? [letterByte] : [letterByte, toneByte];
    }
  }
  // Not Vietnamese and not in CP1258: print its unaccented form rather than garbage.
  return Array.from(foldToAscii(cluster), (char) => char.charCodeAt(0));
}

/** Printable text only: a control character (ESC, GS, …) in the text would be a printer command. */
export function encodeCp1258(text: string): Buffer {
  const bytes: number[] = [];
  for (const cluster of clusters(stripControlChars(text))) {
    for (const byte of encodeCluster(cluster)) bytes.push(byte < 0x100 ? byte : QUESTION_MARK);
  }
  return Buffer.from(bytes);
}

/** Bytes as a Windows-1258 printer would show them, composed back to NFC. */
export function decodeCp1258(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x80) text += String.fromCharCode(byte);
    else {
      const codePoint = CP1258_HIGH[byte - 0x80];
      text += codePoint == null ? '\ufffd' : String.fromCodePoint(codePoint);
    }
  }
  return text.normalize('NFC');
}
