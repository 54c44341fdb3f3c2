import type { ReportCharts as Charts } from '@layso/shared';
import { useText } from '../i18n/use-text.js';
import { activeHours, arrivalSeries, dayLabels, hourLabels, waitLine } from '../logic/chart-data.js';
import { useSession } from '../store/session-store.js';
import { BarChart } from './bar-chart.js';
import { LineChart } from './line-chart.js';

/**
 * The charts of a report: the day's (arrivals per hour by service, wait through the
 * day, served per counter) and, for a range of several days up to two months, the
 * month's (served and the share called within target, day by day).
 */
export function ReportCharts({ charts }: { charts: Charts }) {
  const t = useText();
  const language = useSession((s) => s.language);
  const range = activeHours(charts);
  const hours = hourLabels(range);
  const counters = charts.servedByCounter.filter((c) => c.served > 0);
  return (
    <div className="charts">
      <BarChart
        testId="chart-arrivals"
        title={t('chartArrivals')}
        categories={hours}
        series={arrivalSeries(charts, range, language, language === 'en' ? 'Other' : 'Khác')}
        xTitle={t('hour')}
        emptyText={t('chartNoData')}
      />
      <LineChart testId="chart-waiting" title={t('chartWaiting')} categories={hours} values={waitLine(charts, range)} xTitle={t('hour')} emptyText={t('chartNoData')} />
      <BarChart
        testId="chart-served"
        title={t('chartServed')}
        categories={counters.map((c) => String(c.counter))}
        series={[{ label: t('servedToday'), values: counters.map((c) => c.served) }]}
        xTitle={t('counter')}
        emptyText={t('chartNoData')}
      />
      {charts.byDay.length > 1 && (
        <>
          <BarChart
            testId="chart-served-by-day"
            title={t('chartServedByDay')}
            categories={dayLabels(charts.byDay)}
            series={[{ label: t('colServed'), values: charts.byDay.map((d) => d.served) }]}
            xTitle={t('day')}
            emptyText={t('chartNoData')}
          />
          <LineChart
            testId="chart-level-by-day"
            title={t('chartLevelByDay')}
            categories={dayLabels(charts.byDay)}
            values={charts.byDay.map((d) => (d.serviceLevel === null ? null : Math.round(d.serviceLevel * 100)))}
            xTitle={t('day')}
            emptyText={t('chartNoData')}
          />
        </>
      )}
    </div>
  );
}
