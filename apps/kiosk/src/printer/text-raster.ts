/**
 * Renders one printed line of text into a full-width 1-bit image, for printers
 * that have no Vietnamese code page. The result goes out as GS v 0, so the printer
 * needs no font of its own.
 */
import { fillEdges, outlineEdges } from './glyph-rasterizer.js';
import type { Edge } from './glyph-rasterizer.js';
import { MonoBitmap } from './mono-bitmap.js';
import type { Align } from './print-commands.js';
import type { TrueTypeFont } from './truetype-font.js';

export interface RasterTextStyle {
  align: Align;
  bold: boolean;
  size: 1 | 2;
}

/**
 * 22 dots per em at 203 dpi gives capitals about as tall as the printer's own
 * font A (12×24) and keeps a 48-letter line within 576 dots for ordinary text.
 */
export const EM_DOTS = 22;

/** Tallest and deepest Vietnamese letters, so every line has room for "Ỗ" and "ỵ". */
const METRIC_PROBE = 'ỖỞỠẪẴẲẤẦẨẬẶỆỄẮẰĐÁgjpqyỵ|';

interface LineMetrics {
  ascent: number;
  descent: number;
}

const metricsCache = new WeakMap<TrueTypeFont, LineMetrics>();

/** Ascent and descent in font units, taken from the glyphs themselves. */
function lineMetrics(font: TrueTypeFont): LineMetrics {
  let metrics = metricsCache.get(font);
  if (!metrics) {
    let ascent = 0;
    let descent = 0;
    for (const char of METRIC_PROBE) {
      for (const contour of font.glyph(font.glyphIndex(char.codePointAt(0)!)).contours) {
        for (const point of contour) {
          ascent = Math.max(ascent, point.y);
          descent = Math.max(descent, -point.y);
        }
      }
    }
    metrics = { ascent, descent };
    metricsCache.set(font, metrics);
  }
  return metrics;
}

/** A glyph for every character: the letter, else its unaccented base, else "?". */
function glyphFor(font: TrueTypeFont, char: string): number {
  const direct = font.glyphIndex(char.codePointAt(0)!);
  if (direct !== 0) return direct;
  const base = char.normalize('NFD').charAt(0);
  const fallback = font.glyphIndex(base.codePointAt(0)!);
  return fallback !== 0 ? fallback : font.glyphIndex(0x3f);
}

export function rasterLineHeight(font: TrueTypeFont, size: 1 | 2): number {
  const { ascent, descent } = lineMetrics(font);
  const scale = (EM_DOTS * size) / font.unitsPerEm;
  return Math.ceil(ascent * scale) + Math.ceil(descent * scale) + 2 * size;
}

export function renderTextLine(text: string, style: RasterTextStyle, widthDots: number, font: TrueTypeFont): MonoBitmap {
  const scale = (EM_DOTS * style.size) / font.unitsPerEm;
  const boldDots = style.bold ? style.size : 0;
  const glyphs = Array.from(text.normalize('NFC'), (char) => font.glyph(glyphFor(font, char)));
  const naturalWidth = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth * scale, 0) + boldDots;
  // Squeeze a line that is too wide rather than lose its end off the paper.
  const scaleX = naturalWidth > widthDots ? (scale * (widthDots - boldDots)) / (naturalWidth - boldDots) : scale;
  const textWidth = Math.min(naturalWidth, widthDots);
  const left = style.align === 'left' ? 0 : style.align === 'center' ? (widthDots - textWidth) / 2 : widthDots - textWidth;

  const { ascent } = lineMetrics(font);
  const bitmap = new MonoBitmap(widthDots, rasterLineHeight(font, style.size));
  const baselineY = style.size + Math.ceil(ascent * scale);
  const edges: Edge[] = [];
  let penX = Math.round(left);
  for (const glyph of glyphs) {
    edges.push(...outlineEdges(glyph.contours, { originX: penX, baselineY, scaleX, scaleY: scale }));
    penX += glyph.advanceWidth * scaleX;
  }
  fillEdges(edges, bitmap);
  if (boldDots > 0) bitmap.embolden(boldDots);
  return bitmap;
}

/** A rule across the paper, in place of a line of dashes. */
export function renderDivider(widthDots: number): MonoBitmap {
  const bitmap = new MonoBitmap(widthDots, 12);
  for (let y = 5; y < 7; y++) for (let x = 0; x < widthDots; x++) bitmap.set(x, y);
  return bitmap;
}
