/**
 * Turns the report's chart series into what the charts draw: only the hours that have
 * anything (at least the usual 07–17), and at most eight stacked series (the busiest
 * services, the rest summed as "other").
 */
import type { ReportCharts } from '@layso/shared';

export interface HourRange {
  first: number;
  last: number;
}

export function activeHours(charts: ReportCharts): HourRange {
  const busy = new Set<number>();
  for (const series of charts.arrivalsByHour) series.counts.forEach((n, h) => n > 0 && busy.add(h));
  for (const point of charts.waitByHour) if (point.called > 0) busy.add(point.hour);
  const hours = [...busy];
  return { first: Math.min(7, ...hours), last: Math.max(17, ...hours) };
}

export function hourLabels({ first, last }: HourRange): string[] {
  return Array.from({ length: last - first + 1 }, (_, i) => `${String(first + i).padStart(2, '0')}h`);
}

export function arrivalSeries(charts: ReportCharts, range: HourRange, language: 'vi' | 'en', otherLabel: string, maxSeries = 8) {
  const ranked = charts.arrivalsByHour
    .map((s) => ({ label: language === 'en' ? s.labelEn : s.label, counts: s.counts.slice(range.first, range.last + 1) }))
    .map((s) => ({ ...s, total: s.counts.reduce((a, b) => a + b, 0) }))
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total);
  if (ranked.length <= maxSeries) return ranked.map((s) => ({ label: s.label, values: s.counts }));
  const kept = ranked.slice(0, maxSeries - 1);
  const other = ranked.slice(maxSeries - 1).reduce((sum, s) => sum.map((v, i) => v + s.counts[i]!), new Array<number>(range.last - range.first + 1).fill(0));
  return [...kept.map((s) => ({ label: s.label, values: s.counts })), { label: otherLabel, values: other }];
}

export function waitLine(charts: ReportCharts, range: HourRange): (number | null)[] {
  return charts.waitByHour.slice(range.first, range.last + 1).map((p) => p.avgWaitMin);
}

/** A month's chart labels: the day of the month ("01" … "31"), the month given when the range spans two. */
export function dayLabels(days: readonly { day: string }[]): string[] {
  const months = new Set(days.map((d) => d.day.slice(0, 7)));
  return days.map((d) => (months.size > 1 ? `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}` : d.day.slice(8, 10)));
}
