import { describe, expect, it } from 'vitest';
import { formatElapsed, formatMinutes } from './elapsed.js';

describe('formatElapsed', () => {
  it('shows minutes and seconds, zero-padded', () => {
    expect(formatElapsed(0, 0)).toBe('00:00');
    expect(formatElapsed(0, 9_999)).toBe('00:09');
    expect(formatElapsed(1_000, 206_000)).toBe('03:25');
  });

  it('lets minutes run past an hour instead of changing format', () => {
    expect(formatElapsed(0, (75 * 60 + 3) * 1000)).toBe('75:03');
  });

  it('never goes negative when the local clock is behind', () => {
    expect(formatElapsed(10_000, 8_000)).toBe('00:00');
  });
});

describe('formatMinutes', () => {
  it('uses the Vietnamese decimal comma and one decimal', () => {
    expect(formatMinutes(4.5)).toBe('4,5 phút');
    expect(formatMinutes(3)).toBe('3 phút');
    expect(formatMinutes(2.345)).toBe('2,3 phút');
  });

  it('shows a dash before any service was finished', () => {
    expect(formatMinutes(null)).toBe('—');
  });
});
