import { describe, expect, it } from 'vitest';
import { columnsOf, wrapText } from './text-wrap.js';

describe('wrapText', () => {
  it('keeps words whole and fills each line', () => {
    expect(wrapText('Chọn lĩnh vực cần giao dịch', 12)).toEqual(['Chọn lĩnh', 'vực cần giao', 'dịch']);
  });

  it('splits a word only when it is longer than a line', () => {
    expect(wrapText('xem http://hub/t/86001 ngay', 8)).toEqual(['xem', 'http://h', 'ub/t/860', '01 ngay']);
  });

  it('counts a decomposed Vietnamese letter as one column', () => {
    const decomposed = 'Quầy số'.normalize('NFD');
    expect(columnsOf(decomposed)).toBe(7);
    expect(wrapText(`${decomposed} ${decomposed}`, 15)).toEqual(['Quầy số Quầy số']);
  });

  it('collapses runs of whitespace and drops empty input', () => {
    expect(wrapText('  Tầng   1  ', 10)).toEqual(['Tầng 1']);
    expect(wrapText('   ', 10)).toEqual([]);
  });
});
