import { describe, expect, it } from 'vitest';
import { formatValue, niceTicks } from './scale.js';

describe('chart scale', () => {
  it('ends the axis on a round tick at or above the largest value', () => {
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(230, 4)).toEqual([0, 100, 200, 300]);
  });

  it('still draws an axis when everything is zero', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('prints whole numbers plainly and others with one decimal', () => {
    expect(formatValue(12)).toBe('12');
    expect(formatValue(4.25)).toBe('4,3');
    expect(formatValue(4.25, 'en')).toBe('4.3');
    expect(formatValue(1234)).toBe('1.234');
  });
});
