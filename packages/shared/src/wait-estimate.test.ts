import { describe, expect, it } from 'vitest';
import { formatWait, waitRange } from './wait-estimate.js';

describe('formatWait: one wording for every screen and paper', () => {
  it('says "dưới 5 phút" for a short wait, nothing or a few minutes', () => {
    for (const n of [0, 1, 4]) expect(formatWait(n)).toBe('dưới 5 phút');
    expect(formatWait(3, 'en')).toBe('under 5 min');
  });

  it('shows a range rounded outward to 5 minutes, then 10, then 30', () => {
    expect(formatWait(15)).toBe('khoảng 10–20 phút');
    expect(formatWait(20, 'en')).toBe('about 15–30 min');
    expect(formatWait(90)).toBe('khoảng 60–120 phút');
    expect(formatWait(200)).toBe('khoảng 150–270 phút');
  });

  it('every range holds its estimate, starts at 5 or more, and grows with it', () => {
    let previous = waitRange(5);
    for (let n = 5; n <= 600; n += 1) {
      const r = waitRange(n);
      expect(r.low).toBeGreaterThanOrEqual(5);
      expect(r.low).toBeLessThanOrEqual(n);
      expect(r.high).toBeGreaterThan(n);
      expect(r.low).toBeGreaterThanOrEqual(previous.low);
      expect(r.high).toBeGreaterThanOrEqual(previous.high);
      previous = r;
    }
  });

  it('changes its words rarely: neighbouring estimates mostly read the same', () => {
    const texts = Array.from({ length: 56 }, (_, i) => formatWait(i + 5));
    const changes = texts.filter((t, i) => i > 0 && t !== texts[i - 1]).length;
    expect(changes).toBeLessThan(texts.length / 2);
  });
});
