import { describe, expect, it } from 'vitest';
import { loadRasterFont } from './raster-font.js';
import { rasterLineHeight, renderTextLine } from './text-raster.js';
import type { MonoBitmap } from './mono-bitmap.js';

const font = loadRasterFont();
const art = (bitmap: MonoBitmap) =>
  Array.from({ length: bitmap.height }, (_, y) =>
    Array.from({ length: bitmap.width }, (_, x) => (bitmap.get(x, y) ? '#' : '.')).join(''),
  );
const inkColumns = (bitmap: MonoBitmap) => {
  const columns: number[] = [];
  for (let x = 0; x < bitmap.width; x++) {
    for (let y = 0; y < bitmap.height; y++) if (bitmap.get(x, y)) columns.push(x);
  }
  return { first: Math.min(...columns), last: Math.max(...columns) };
};

describe('renderTextLine', () => {
  it('draws "Số ự" with its circumflex, acute, horn and dot below (golden image, checked by eye)', () => {
    expect(art(renderTextLine('Số ự', { align: 'left', bold: false, size: 1 }, 40, font))).toEqual([
      '........................................',
      '........................................',
      '........................................',
      '........................................',
      '........................................',
      '........................................',
      '.....................#..................',
      '....................##..................',
      '.................#.##...................',
      '...#######......###.....................',
      '..########.....#..#.....................',
      '.##.....................................',
      '.##.....................................',
      '.##............#####..........##.....#.#',
      '.##...........##..###.........##.....###',
      '..###........##....##.........##.....##.',
      '..#######....##.....#.........##.....#..',
      '.....#####...#......##........##.....#..',
      '........##..##......##........##.....#..',
      '........###.##......##........##.....#..',
      '.........##..#......##........##.....#..',
      '.........##..##.....#.........##....##..',
      '.#......##...##....##.........##....##..',
      '.#########....###.###..........#######..',
      '..#######......#####...........#####.#..',
      '........................................',
      '..................................#.....',
      '.................................##.....',
      '.................................##.....',
      '........................................',
      '........................................',
      '........................................',
    ]);
  });

  it('aligns left, center and right within the paper width', () => {
    const at = (align: 'left' | 'center' | 'right') =>
      inkColumns(renderTextLine('86001', { align, bold: false, size: 1 }, 384, font));
    const left = at('left');
    const center = at('center');
    const right = at('right');
    expect(left.first).toBeLessThan(4);
    expect(right.last).toBeGreaterThan(384 - 4);
    expect(Math.abs(center.first + center.last - 383)).toBeLessThanOrEqual(4);
  });

  it('squeezes a line too wide for the paper instead of cutting it off', () => {
    const wide = renderTextLine('W'.repeat(48), { align: 'left', bold: false, size: 1 }, 576, font);
    const { first, last } = inkColumns(wide);
    expect(first).toBeLessThan(4);
    expect(last).toBeGreaterThan(560);
    expect(last).toBeLessThan(576);
  });

  it('draws size 2 twice as tall and bold darker', () => {
    expect(rasterLineHeight(font, 2)).toBeGreaterThan(2 * rasterLineHeight(font, 1) - 4);
    const plain = renderTextLine('Quầy số 86', { align: 'left', bold: false, size: 1 }, 384, font);
    const bold = renderTextLine('Quầy số 86', { align: 'left', bold: true, size: 1 }, 384, font);
    expect(bold.countBlack()).toBeGreaterThan(plain.countBlack() * 1.3);
  });

  it('draws a character the font lacks as "?", not as an empty box', () => {
    const style = { align: 'left', bold: false, size: 1 } as const;
    expect(font.glyphIndex(0x4e2d)).toBe(0);
    expect(renderTextLine('中', style, 40, font).equals(renderTextLine('?', style, 40, font))).toBe(true);
  });
});
