import { Axes, ChartFrame, type Plot } from './chart-frame.js';
import { useSession } from '../store/session-store.js';
import { formatValue, niceTicks, SERIES_COLORS } from './scale.js';

export interface BarSeries {
  label: string;
  values: readonly number[];
}

interface BarChartProps {
  title: string;
  categories: readonly string[];
  /** Stacked when there are several: the total is printed on top of each bar. */
  series: readonly BarSeries[];
  xTitle?: string;
  emptyText: string;
  testId?: string;
}

/** Vertical bars, one per category, stacked by series, with the value above each bar. */
export function BarChart(props: BarChartProps) {
  const totals = props.categories.map((_, i) => props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(0, ...totals);
  return (
    <ChartFrame title={props.title} legend={props.series} testId={props.testId}>
      {(plot) => (max === 0 ? <p className="chart-empty">{props.emptyText}</p> : <BarPlot {...props} plot={plot} totals={totals} max={max} />)}
    </ChartFrame>
  );
}

function BarPlot({ title, categories, series, xTitle, plot, totals, max }: BarChartProps & { plot: Plot; totals: number[]; max: number }) {
  const language = useSession((s) => s.language);
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const plotHeight = plot.height - plot.top - plot.bottom;
  const y = (v: number) => plot.top + plotHeight - (v / top) * plotHeight;
  const slot = (plot.width - plot.left - plot.right) / Math.max(1, categories.length);
  const barWidth = Math.min(48, slot * 0.7);
  // Many categories on a narrow chart: label every other one so the labels stay readable.
  const labelEvery = slot < 30 ? 2 : 1;
  return (
    <svg viewBox={`0 0 ${plot.width} ${plot.height}`} width={plot.width} height={plot.height} role="img" aria-label={title}>
      <Axes plot={plot} ticks={ticks} y={y} xTitle={xTitle} />
      {categories.map((category, i) => {
        const x = plot.left + slot * i + (slot - barWidth) / 2;
        let base = 0;
        return (
          <g key={category}>
            <title>{`${category}: ${series.map((s) => (series.length > 1 ? `${s.label} ${s.values[i] ?? 0}` : `${s.values[i] ?? 0}`)).join(', ')}`}</title>
            {series.map((s, k) => {
              const value = s.values[i] ?? 0;
              if (value <= 0) return null;
              const rect = <rect key={s.label} x={x} width={barWidth} y={y(base + value)} height={y(base) - y(base + value)} fill={SERIES_COLORS[k % SERIES_COLORS.length]} />;
              base += value;
              return rect;
            })}
            {totals[i]! > 0 && (
              <text x={x + barWidth / 2} y={y(totals[i]!) - 4} textAnchor="middle" className="value">
                {formatValue(totals[i]!, language)}
              </text>
            )}
            {i % labelEvery === 0 && (
              <text x={x + barWidth / 2} y={plot.height - plot.bottom + 15} textAnchor="middle" className="tick">
                {category}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
