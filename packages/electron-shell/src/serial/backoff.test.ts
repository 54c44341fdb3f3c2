import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, resolveBackoff } from './backoff.js';

describe('backoff', () => {
  it('doubles from 200 ms up to a 5 s cap by default', () => {
    const delays = Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt, DEFAULT_BACKOFF));
    expect(delays).toEqual([200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
  });

  it('applies overrides', () => {
    const settings = resolveBackoff({ initialDelayMs: 50, maxDelayMs: 120, factor: 3 });
    expect([0, 1, 2].map((attempt) => backoffDelay(attempt, settings))).toEqual([50, 120, 120]);
  });

  it('refuses settings that would spin or never grow', () => {
    expect(() => resolveBackoff({ initialDelayMs: 0 })).toThrow(RangeError);
    expect(() => resolveBackoff({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError);
    expect(() => resolveBackoff({ factor: 0.5 })).toThrow(RangeError);
  });
});
