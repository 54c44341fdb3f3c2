/**
 * The ESC/POS byte sequences this module sends, named after Epson's command
 * reference (TM-T88/TM-T82; Xprinter and most clones accept the same).
 */
import type { MonoBitmap } from './mono-bitmap.js';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** ESC @: clear the buffer and every mode left by a previous job. */
export const initialize = (): Buffer => Buffer.from([ESC, 0x40]);

/** ESC t n: character code table. */
export const selectCodePage = (n: number): Buffer => Buffer.from([ESC, 0x74, byte(n, 'code page')]);

/** ESC a n: 0 left, 1 center, 2 right. */
export const justify = (align: 'left' | 'center' | 'right'): Buffer =>
  Buffer.from([ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2]);

/** ESC E n: emphasized (bold). */
export const emphasize = (on: boolean): Buffer => Buffer.from([ESC, 0x45, on ? 1 : 0]);

/** GS ! n: width multiplier in the high nibble, height in the low one (both 1-based). */
export const characterSize = (width: number, height: number): Buffer =>
  Buffer.from([GS, 0x21, ((width - 1) << 4) | (height - 1)]);

/** ESC d n: print and feed n lines. */
export const feedLines = (n: number): Buffer => Buffer.from([ESC, 0x64, byte(n, 'feed')]);

/** GS V 65 0: feed to the cutter, then full cut, so the last line is never cut through. */
export const feedAndCut = (): Buffer => Buffer.from([GS, 0x56, 65, 0]);

/** DLE EOT n: real-time status; the printer answers with one byte even while busy. */
export const realTimeStatus = (n: 1 | 2 | 3 | 4): Buffer => Buffer.from([DLE, EOT, n]);

/** GS ( k, cn = 49 (QR Code): pL pH count the bytes after themselves. */
function qrFunction(fn: number, params: Uint8Array): Buffer {
  const length = params.length + 2;
  return Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 49, fn, ...params]);
}

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/**
 * Select model 2 (fn 65), module size (fn 67), error correction (fn 69), store the
 * data (fn 80, m = 48) and print it (fn 81, m = 48).
 */
export function qrCode(payload: Buffer, moduleDots: number, correction: QrErrorCorrection = 'M'): Buffer {
  if (payload.length === 0 || payload.length > 7089) throw new RangeError(`QR payload of ${payload.length} bytes`);
  if (moduleDots < 1 || moduleDots > 16) throw new RangeError(`QR module size ${moduleDots} is outside 1–16`);
  return Buffer.concat([
    qrFunction(65, Uint8Array.of(50, 0)),
    qrFunction(67, Uint8Array.of(moduleDots)),
    qrFunction(69, Uint8Array.of(48 + 'LMQH'.indexOf(correction))),
    qrFunction(80, Buffer.concat([Uint8Array.of(48), payload])),
    qrFunction(81, Uint8Array.of(48)),
  ]);
}

/** GS v 0 m xL xH yL yH d…: raster bit image, x in bytes per row, y in dots. */
export function rasterImage(bitmap: MonoBitmap): Buffer {
  const x = bitmap.bytesPerRow;
  const y = bitmap.height;
  if (x > 0xffff || y > 0xffff) throw new RangeError('raster image too large');
  return Buffer.concat([Buffer.from([GS, 0x76, 0x30, 0, x & 0xff, x >> 8, y & 0xff, y >> 8]), bitmap.data]);
}

function byte(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`${what} ${n} is not a byte`);
  return n;
}
