/**
 * Opening hours as the settings form edits them: per weekday a morning and an
 * afternoon interval (the lunch break is the gap), each possibly empty.
 */
import { WEEKDAY_KEYS, type OpeningHours, type WeekdayKey } from '@layso/shared';

export interface IntervalDraft {
  open: string;
  close: string;
}
export type HoursDraft = Record<WeekdayKey, [IntervalDraft, IntervalDraft]>;

const EMPTY: IntervalDraft = { open: '', close: '' };

export function hoursToDraft(hours: OpeningHours): HoursDraft {
  return Object.fromEntries(
    WEEKDAY_KEYS.map((day) => {
      const intervals = hours[day] ?? [];
      return [day, [intervals[0] ?? EMPTY, intervals[1] ?? EMPTY]];
    }),
  ) as HoursDraft;
}

/** Empty intervals are dropped; half-filled ones are sent so the hub names the problem. */
export function draftToHours(draft: HoursDraft): OpeningHours {
  return Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, draft[day].filter((i) => i.open || i.close)])) as OpeningHours;
}
