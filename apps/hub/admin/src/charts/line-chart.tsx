import { Axes, ChartFrame, type Plot } from './chart-frame.js';
import { useSession } from '../store/session-store.js';
import { formatValue, niceTicks, SERIES_COLORS } from './scale.js';

interface LineChartProps {
  title: string;
  categories: readonly string[];
  /** null = no value at that point: the line breaks there. */
  values: readonly (number | null)[];
  xTitle?: string;
  emptyText: string;
  testId?: string;
}

/** One line over the categories, a dot and its value at each known point. */
export function LineChart(props: LineChartProps) {
  const known = props.values.filter((v): v is number => v !== null);
  return (
    <ChartFrame title={props.title} testId={props.testId}>
      {(plot) => (known.length === 0 ? <p className="chart-empty">{props.emptyText}</p> : <LinePlot {...props} plot={plot} max={Math.max(0, ...known)} />)}
    </ChartFrame>
  );
}

/** The path of the known points, broken where a value is missing. */
function segments(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string[] {
  const result: string[] = [];
  let path = '';
  values.forEach((value, i) => {
    if (value === null) {
      if (path) result.push(path);
      path = '';
      return;
    }
    path += `${path ? 'L' : 'M'}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
  });
  if (path) result.push(path);
  return result;
}

function LinePlot({ title, categories, values, xTitle, plot, max }: LineChartProps & { plot: Plot; max: number }) {
  const language = useSession((s) => s.language);
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const plotHeight = plot.height - plot.top - plot.bottom;
  const y = (v: number) => plot.top + plotHeight - (v / top) * plotHeight;
  const slot = (plot.width - plot.left - plot.right) / Math.max(1, categories.length);
  const x = (i: number) => plot.left + slot * i + slot / 2;
  const labelEvery = slot < 30 ? 2 : 1;
  // Neighbouring labels would touch: whole minutes are enough then.
  const label = (value: number) => (slot < 44 ? String(Math.round(value)) : formatValue(value, language));
  const color = SERIES_COLORS[0];
  return (
    <svg viewBox={`0 0 ${plot.width} ${plot.height}`} width={plot.width} height={plot.height} role="img" aria-label={title}>
      <Axes plot={plot} ticks={ticks} y={y} xTitle={xTitle} />
      {segments(values, x, y).map((d) => (
        <path key={d} d={d} fill="none" stroke={color} strokeWidth={2.5} />
      ))}
      {values.map((value, i) => (
        <g key={categories[i]}>
          {value !== null && (
            <>
              <circle cx={x(i)} cy={y(value)} r={3.5} fill={color}>
                <title>{`${categories[i]}: ${formatValue(value, language)}`}</title>
              </circle>
              <text x={x(i)} y={y(value) - 7} textAnchor="middle" className="value">
                {label(value)}
              </text>
            </>
          )}
          {i % labelEvery === 0 && (
            <text x={x(i)} y={plot.height - plot.bottom + 15} textAnchor="middle" className="tick">
              {categories[i]}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
