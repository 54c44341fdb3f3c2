import { describe, expect, it } from 'vitest';
import { KeyboardWedgeDetector } from './keyboard-wedge.js';

const PAYLOAD = '079090001234|025123456|Nguyễn Văn An|01011990|Nam|12 Lê Lợi, Quận 1|15062021';

/** Types `text` then Enter with the given gaps (ms) and returns what the detector reported. */
function type(detector: KeyboardWedgeDetector, text: string, gap: (i: number) => number, start = 1000): (string | null)[] {
  const results: (string | null)[] = [];
  let at = start;
  const keys = [...text, 'Enter'];
  keys.forEach((key, i) => {
    if (i > 0) at += gap(i);
    results.push(detector.feed(key, at));
  });
  return results;
}

describe('KeyboardWedgeDetector', () => {
  it('reads a scanner burst ended by Enter, once', () => {
    const detector = new KeyboardWedgeDetector();
    const results = type(detector, PAYLOAD, () => 4);
    expect(results.at(-1)).toBe(PAYLOAD);
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
  });

  it('accepts gaps of exactly 30 ms and refuses 31 ms', () => {
    expect(type(new KeyboardWedgeDetector(), PAYLOAD, () => 30).at(-1)).toBe(PAYLOAD);
    expect(type(new KeyboardWedgeDetector(), PAYLOAD, () => 31).at(-1)).toBeNull();
  });

  it('never takes a person typing for a scan, however long', () => {
    const detector = new KeyboardWedgeDetector();
    // A fast typist: 60-120 ms between keys, with the odd quick pair.
    const gaps = [60, 120, 25, 90, 80, 20, 110];
    expect(type(detector, PAYLOAD.repeat(2), (i) => gaps[i % gaps.length]!).at(-1)).toBeNull();
  });

  it('refuses a burst shorter than 30 characters (a booking code, a barcode)', () => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, 'A'.repeat(29), () => 3).at(-1)).toBeNull();
    expect(type(detector, 'A'.repeat(30), () => 3).at(-1)).toBe('A'.repeat(30));
  });

  it('drops a scan interrupted by a slow key, and reads the next one', () => {
    const detector = new KeyboardWedgeDetector();
    // Pause of 200 ms near the end: the head is discarded and the tail alone is too short.
    expect(type(detector, PAYLOAD, (i) => (i === 60 ? 200 : 3)).at(-1)).toBeNull();
    // A pause early leaves a tail long enough to look like a scan: reported, it is only a
    // fragment, which the CCCD parser refuses (it has fewer than 7 fields).
    expect(type(detector, PAYLOAD, (i) => (i === 20 ? 200 : 3), 3000).at(-1)).toBe([...PAYLOAD].slice(20).join(''));
    expect(type(detector, PAYLOAD, () => 3, 5000).at(-1)).toBe(PAYLOAD);
  });

  it('refuses an Enter that comes late after the burst', () => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, PAYLOAD, (i) => (i === [...PAYLOAD].length ? 500 : 3)).at(-1)).toBeNull();
  });

  it('starts over when a person\'s key precedes the burst', () => {
    const detector = new KeyboardWedgeDetector();
    expect(detector.feed('x', 0)).toBeNull();
    expect(type(detector, PAYLOAD, () => 3, 900).at(-1)).toBe(PAYLOAD);
  });

  it('ignores modifier keys inside the burst', () => {
    const detector = new KeyboardWedgeDetector();
    let at = 0;
    for (const ch of PAYLOAD) {
      if (ch !== ch.toLowerCase()) detector.feed('Shift', (at += 1));
      detector.feed(ch, (at += 2));
    }
    expect(detector.feed('Enter', at + 2)).toBe(PAYLOAD);
  });

  it('discards a burst over the length bound and holds nothing of it', () => {
    const detector = new KeyboardWedgeDetector({ maxLength: 100 });
    expect(type(detector, '9'.repeat(5000), () => 1).at(-1)).toBeNull();
    expect(type(detector, PAYLOAD, () => 1, 100_000).at(-1)).toBe(PAYLOAD);
  });

  it('does not accept time going backwards as fast', () => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, PAYLOAD, (i) => (i === 60 ? -5000 : 3)).at(-1)).toBeNull();
  });
});
