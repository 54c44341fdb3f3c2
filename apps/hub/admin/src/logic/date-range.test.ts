import { describe, expect, it } from 'vitest';
import { addDays, displayDay, parseDisplayDay, presetRange } from './date-range.js';

describe('report date ranges', () => {
  it('counts presets from the center day', () => {
    expect(presetRange('today', '2026-11-22')).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(presetRange('7days', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetRange('thisMonth', '2026-11-22')).toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(presetRange('thisYear', '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });

  it('finds last month across a year boundary and in a leap year', () => {
    expect(presetRange('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('lastMonth', '2028-03-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('steps over month ends and shows days as dd/MM/yyyy', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(displayDay('2026-11-02')).toBe('02/11/2026');
  });
});

describe('typed days', () => {
  it('reads dd/MM/yyyy and refuses what is not a calendar day', () => {
    expect(parseDisplayDay('02/11/2026')).toBe('2026-11-02');
    expect(parseDisplayDay('2/1/2026')).toBe('2026-01-02');
    expect(parseDisplayDay('31/02/2026')).toBeNull();
    expect(parseDisplayDay('2026-11-02')).toBeNull();
  });
});
