import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SERIES_COLORS } from './scale.js';

export interface Legend {
  label: string;
}

/**
 * Title, the SVG, and a legend: a figure with its caption so it is announced as one.
 * The plot is laid out for the width it really has (measured), so labels keep their
 * size whether three charts share a row or one fills a tablet.
 */
export function ChartFrame({ title, legend, children, testId }: { title: string; legend?: readonly Legend[]; children: (plot: Plot) => ReactNode; testId?: string }) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.round(element.clientWidth - 26));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <figure className="chart" data-testid={testId} ref={ref}>
      <figcaption>{title}</figcaption>
      {width > 0 && children(plotFor(width))}
      {legend && legend.length > 1 && (
        <ul className="legend">
          {legend.map((item, i) => (
            <li key={item.label}>
              <span className="swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A plot of the measured width; the height follows, within reason. */
export function plotFor(width: number): Plot {
  return { width: Math.max(240, width), height: Math.round(Math.min(300, Math.max(200, width * 0.55))), left: 36, right: 8, top: 18, bottom: 38 };
}

/** The y axis with its grid lines and tick labels, and the x axis title. */
export function Axes({ plot, ticks, y, xTitle }: { plot: Plot; ticks: readonly number[]; y: (v: number) => number; xTitle?: string }) {
  return (
    <g className="axes">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={plot.left} x2={plot.width - plot.right} y1={y(tick)} y2={y(tick)} className="grid" />
          <text x={plot.left - 6} y={y(tick) + 4} textAnchor="end" className="tick">
            {tick}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.width - plot.right} y1={y(0)} y2={y(0)} className="axis" />
      {xTitle && (
        <text x={(plot.left + plot.width - plot.right) / 2} y={plot.height - 4} textAnchor="middle" className="axis-title">
          {xTitle}
        </text>
      )}
    </g>
  );
}
