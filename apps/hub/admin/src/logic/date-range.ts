/**
 * Report date ranges on the center's calendar. Days are `yyyy-MM-dd` strings and the
 * arithmetic is done at UTC midnight, where every day has 24 hours.
 */
export type RangePreset = 'today' | '7days' | 'thisMonth' | 'lastMonth' | 'thisYear';
export const RANGE_PRESETS: readonly RangePreset[] = ['today', '7days', 'thisMonth', 'lastMonth', 'thisYear'];

export interface DayRange {
  from: string;
  to: string;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** The range of a preset, counted from the center's `today`. */
export function presetRange(preset: RangePreset, today: string): DayRange {
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case '7days':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const first = new Date(Date.UTC(year, month - 2, 1));
      const last = new Date(Date.UTC(year, month - 1, 0));
      return { from: iso(first), to: iso(last) };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
  }
}

/** `yyyy-MM-dd` → `dd/MM/yyyy`. */
export function displayDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** `dd/MM/yyyy` → `yyyy-MM-dd`, or null when it is not a calendar date. */
export function parseDisplayDay(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, d, m, y] = match;
  const day = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}
