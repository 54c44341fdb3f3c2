import type { ReportCharts as Charts } from '@layso/shared';
import { useText } from '../i18n/use-text.js';
import { activeHours, arrivalSeries, hourLabels, waitLine } from '../logic/chart-data.js';
import { useSession } from '../store/session-store.js';
import { BarChart } from './bar-chart.js';
import { LineChart } from './line-chart.js';

/** The three charts of a report: arrivals per hour by service, wait through the day, served per counter. */
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
    </div>
  );
}
