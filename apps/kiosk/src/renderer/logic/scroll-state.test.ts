import { describe, expect, it } from 'vitest';
import { NO_SCROLL, pageStep, scrollStateOf } from './scroll-state.js';

describe('scrollStateOf', () => {
  it('says nothing when the list fits (a pixel of rounding included)', () => {
    expect(scrollStateOf({ scrollTop: 0, scrollHeight: 600, clientHeight: 600 })).toEqual(NO_SCROLL);
    expect(scrollStateOf({ scrollTop: 0, scrollHeight: 601, clientHeight: 600 })).toEqual(NO_SCROLL);
  });

  it('says there is more below at the top, more on both sides in the middle, more above at the end', () => {
    expect(scrollStateOf({ scrollTop: 0, scrollHeight: 1200, clientHeight: 600 })).toEqual({ overflows: true, moreAbove: false, moreBelow: true });
    expect(scrollStateOf({ scrollTop: 300, scrollHeight: 1200, clientHeight: 600 })).toEqual({ overflows: true, moreAbove: true, moreBelow: true });
    expect(scrollStateOf({ scrollTop: 599.5, scrollHeight: 1200, clientHeight: 600 })).toEqual({ overflows: true, moreAbove: true, moreBelow: false });
  });

  it('moves most of a screenful per arrow tap', () => {
    expect(pageStep(600)).toBe(480);
    expect(pageStep(0)).toBe(1);
  });
});
