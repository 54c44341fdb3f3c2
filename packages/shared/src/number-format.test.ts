import { describe, expect, it } from 'vitest';
import { formatNumber } from './number-format.js';

describe('formatNumber', () => {
  it('writes Vietnamese numbers with a decimal comma and thousands dots, English the other way round', () => {
    expect(formatNumber(5.7)).toBe('5,7');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567.25, 'vi')).toBe('1.234.567,3');
    expect(formatNumber(5.7, 'en')).toBe('5.7');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(0.456, 'vi', 0)).toBe('0');
  });
});
