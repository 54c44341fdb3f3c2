import { describe, expect, it } from 'vitest';
import { formatWait } from '@layso/shared';
import { HeldEstimates } from './held-estimate.js';

describe('HeldEstimates: the words change only when the new estimate leaves the shown range', () => {
  it('keeps a ticket’s number while the new one falls inside the range it was shown', () => {
    const held = new HeldEstimates();
    expect(held.hold(1, 20)).toBe(20);
    expect(formatWait(20)).toBe('khoảng 15–30 phút');
    expect(held.hold(1, 17)).toBe(20);
    expect(held.hold(1, 24)).toBe(20);
    expect(held.hold(1, 30)).toBe(20);
  });

  it('takes the new number once the old range is no longer true, and holds that one next', () => {
    const held = new HeldEstimates();
    held.hold(1, 20);
    expect(held.hold(1, 14)).toBe(14);
    expect(held.hold(1, 12)).toBe(14);
    expect(held.hold(1, 45)).toBe(45);
  });

  it('holds "dưới 5 phút" while the wait stays short, per ticket', () => {
    const held = new HeldEstimates();
    expect(held.hold(1, 0)).toBe(0);
    expect(held.hold(1, 4)).toBe(0);
    expect(held.hold(2, 4)).toBe(4);
    expect(held.hold(1, 8)).toBe(8);
  });

  it('forgets every ticket on a new day', () => {
    const held = new HeldEstimates();
    held.hold(1, 20);
    held.clear();
    expect(held.hold(1, 17)).toBe(17);
  });
});
