import { describe, expect, it } from 'vitest';
import { MonoBitmap } from './mono-bitmap.js';
import { rasterImage } from './escpos-commands.js';

describe('MonoBitmap', () => {
  it('packs 8 dots a byte, leftmost dot in the high bit, rows padded to whole bytes', () => {
    const bitmap = new MonoBitmap(10, 2);
    bitmap.set(0, 0);
    bitmap.set(9, 0);
    bitmap.set(7, 1);
    expect(Array.from(bitmap.data)).toEqual([0x80, 0x40, 0x01, 0x00]);
    expect(bitmap.get(9, 0) && bitmap.get(7, 1) && !bitmap.get(8, 0)).toBe(true);
  });

  it('ignores dots outside the image', () => {
    const bitmap = new MonoBitmap(8, 1);
    bitmap.set(8, 0);
    bitmap.set(-1, 0);
    expect(bitmap.countBlack()).toBe(0);
  });

  it('emboldens to the right without smearing its own new dots', () => {
    const bitmap = new MonoBitmap(8, 1);
    bitmap.set(1, 0);
    bitmap.embolden(2);
    expect(Array.from({ length: 8 }, (_, x) => (bitmap.get(x, 0) ? '#' : '.')).join('')).toBe('.###....');
  });

  it('becomes GS v 0 with its width in bytes and height in dots', () => {
    const bitmap = new MonoBitmap(576, 300);
    bitmap.set(0, 0);
    const bytes = rasterImage(bitmap);
    expect(Array.from(bytes.subarray(0, 9))).toEqual([0x1d, 0x76, 0x30, 0, 72, 0, 0x2c, 0x01, 0x80]);
    expect(bytes.length).toBe(8 + 72 * 300);
  });
});
