/** Axis arithmetic for the hand-made SVG charts. */
import { formatNumber } from '@layso/shared';

/** Round tick values from 0 up to at least `max` (1, 2, 5 × 10^n steps), about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Number(value.toFixed(6)));
    if (value >= max) break;
  }
  return ticks;
}

/** A readable number for a value label: whole numbers as is, others with one decimal, in the reader's format (`5,7` / `5.7`). */
export function formatValue(value: number, language: 'vi' | 'en' = 'vi'): string {
  return formatNumber(value, language, 1);
}

/** Eight colours that stay apart for the common kinds of colour blindness (Okabe–Ito + extras). */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#6b6b6b', '#b8a000'];
