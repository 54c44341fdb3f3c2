import { describe, expect, it } from 'vitest';
import { fillEdges, outlineEdges } from './glyph-rasterizer.js';
import { MonoBitmap } from './mono-bitmap.js';
import { loadRasterFont } from './raster-font.js';
import { TrueTypeFont } from './truetype-font.js';

describe('the bundled raster font', () => {
  const font = loadRasterFont();

  it('has a glyph for every Vietnamese letter, đ/Đ and printable ASCII', () => {
    const letters = [...'aăâeêioôơuưy'].flatMap((vowel) =>
      ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].flatMap((tone) => {
        const letter = (vowel + tone).normalize('NFC');
        return [letter, letter.toUpperCase()];
      }),
    );
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    const missing = [...letters, 'đ', 'Đ', ...ascii].filter((char) => font.glyphIndex(char.codePointAt(0)!) === 0);
    expect(missing).toEqual([]);
  });

  it('reads composite glyphs (ố is o + circumflex + acute) with more contours than o', () => {
    const o = font.glyph(font.glyphIndex(0x6f));
    const oCircumflexAcute = font.glyph(font.glyphIndex(0x1ed1));
    expect(o.contours.length).toBe(2);
    expect(oCircumflexAcute.contours.length).toBeGreaterThan(2);
    const top = (contours: { y: number }[][]) => Math.max(...contours.flat().map((p) => p.y));
    expect(top(oCircumflexAcute.contours)).toBeGreaterThan(top(o.contours));
  });

  it('refuses a file that is not a TrueType font', () => {
    expect(() => new TrueTypeFont(Buffer.from('%PDF-1.4 not a font at all'))).toThrow(/not a TrueType font/);
  });
});

describe('fillEdges', () => {
  it('fills a square outline exactly, and leaves its hole empty (non-zero winding)', () => {
    const square = (x0: number, y0: number, x1: number, y1: number, clockwise: boolean) => {
      const points = [
        { x: x0, y: y0, onCurve: true },
        { x: x0, y: y1, onCurve: true },
        { x: x1, y: y1, onCurve: true },
        { x: x1, y: y0, onCurve: true },
      ];
      return clockwise ? points : points.reverse();
    };
    const bitmap = new MonoBitmap(12, 12);
    const placement = { originX: 0, baselineY: 12, scaleX: 1, scaleY: 1 };
    fillEdges(outlineEdges([square(2, 2, 10, 10, true), square(4, 4, 8, 8, false)], placement), bitmap);
    const rows = Array.from({ length: 12 }, (_, y) =>
      Array.from({ length: 12 }, (_, x) => (bitmap.get(x, y) ? '#' : '.')).join(''),
    );
    expect(rows).toEqual([
      '............',
      '............',
      '..########..',
      '..########..',
      '..##....##..',
      '..##....##..',
      '..##....##..',
      '..##....##..',
      '..########..',
      '..########..',
      '............',
      '............',
    ]);
  });
});
