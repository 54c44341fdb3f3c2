import { describe, expect, it } from 'vitest';
import { vnTime } from '../testing/fake-clock.js';
import { downloadName, nightlyDay, nightlyName } from './backup-names.js';
import { dueDay, expiredDays } from './nightly-plan.js';

const settings = { hour: 2, keepDays: 3, timeZone: 'Asia/Ho_Chi_Minh' };

describe('nightly backup plan', () => {
  it('is due from the configured local hour, once per day', () => {
    expect(dueDay(vnTime('2026-11-23 01:59'), settings, new Set())).toBeNull();
    expect(dueDay(vnTime('2026-11-23 02:00'), settings, new Set())).toBe('2026-11-23');
    expect(dueDay(vnTime('2026-11-23 23:30'), settings, new Set(['2026-11-23']))).toBeNull();
    // A hub that was off at 02:00 catches up when it next runs that day.
    expect(dueDay(vnTime('2026-11-23 09:00'), settings, new Set(['2026-11-22']))).toBe('2026-11-23');
  });

  it('keeps keepDays days counting today and lists older ones for deletion', () => {
    const days = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
    expect(expiredDays(vnTime('2026-11-23 02:00'), settings, days)).toEqual(['2026-11-19', '2026-11-20']);
    // Across a month end too.
    expect(expiredDays(vnTime('2026-12-01 02:00'), settings, ['2026-11-28', '2026-11-29', '2026-11-30'])).toEqual(['2026-11-28']);
  });

  it('names files in center time', () => {
    // 17:05 UTC is 00:05 the next day in Hanoi.
    expect(downloadName(Date.parse('2026-11-22T17:05:00Z'), 'Asia/Ho_Chi_Minh')).toBe('layso-20261123-0005.sqlite');
    expect(nightlyName('2026-11-23')).toBe('layso-2026-11-23.sqlite');
    expect(nightlyDay('layso-2026-11-23.sqlite')).toBe('2026-11-23');
    expect(nightlyDay('layso-20261123-0005.sqlite')).toBeNull();
    expect(nightlyDay('layso-2026-11-23.sqlite.ab12.partial')).toBeNull();
  });
});
