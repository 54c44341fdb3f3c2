import { describe, expect, it } from 'vitest';
import type { ReportCharts } from '@layso/shared';
import { activeHours, arrivalSeries, dayLabels, hourLabels, waitLine } from './chart-data.js';

function counts(at: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => at[h] ?? 0);
}

const charts: ReportCharts = {
  arrivalsByHour: [
    { serviceId: 'tu-phap', label: 'Tư pháp', labelEn: 'Justice', counts: counts({ 8: 3, 9: 1 }) },
    { serviceId: 'visa', label: 'Visa', labelEn: 'Visa', counts: counts({ 19: 2 }) },
    { serviceId: 'y-te', label: 'Y tế', labelEn: 'Health', counts: counts({}) },
  ],
  waitByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, called: hour === 8 ? 3 : 0, avgWaitMin: hour === 8 ? 4.5 : null })),
  servedByCounter: [],
  byDay: [],
};

describe('chart data', () => {
  it("labels a month's days by their day of the month, with the month when the range spans two", () => {
    expect(dayLabels([{ day: '2026-11-29' }, { day: '2026-11-30' }])).toEqual(['29', '30']);
    expect(dayLabels([{ day: '2026-11-30' }, { day: '2026-12-01' }])).toEqual(['30/11', '01/12']);
  });

  it('keeps 07–17 and widens to the hours that have tickets', () => {
    const range = activeHours(charts);
    expect(range).toEqual({ first: 7, last: 19 });
    expect(hourLabels(range)[0]).toBe('07h');
    expect(hourLabels(range)).toHaveLength(13);
  });

  it('drops services with no arrivals and orders the busiest first, in the chosen language', () => {
    const series = arrivalSeries(charts, { first: 7, last: 19 }, 'en', 'Other');
    expect(series.map((s) => s.label)).toEqual(['Justice', 'Visa']);
    expect(series[0]!.values.slice(0, 3)).toEqual([0, 3, 1]);
  });

  it('sums the quieter services as one "other" series beyond the limit', () => {
    const series = arrivalSeries(charts, { first: 7, last: 19 }, 'vi', 'Khác', 1);
    expect(series).toEqual([{ label: 'Khác', values: counts({ 8: 3, 9: 1, 19: 2 }).slice(7, 20) }]);
  });

  it('leaves gaps where nobody was called', () => {
    expect(waitLine(charts, { first: 7, last: 9 })).toEqual([null, 4.5, null]);
  });
});
