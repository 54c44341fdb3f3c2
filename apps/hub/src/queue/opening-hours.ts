import { WEEKDAY_KEYS, localMinuteOfDay, localParts, parseClock, type OpeningHours } from '@layso/shared';

/** True while `instant` falls inside one of the day's open intervals (close is exclusive). */
export function isOpenAt(hours: OpeningHours, timeZone: string, instant: number): boolean {
  const weekday = WEEKDAY_KEYS[localParts(instant, timeZone).weekday]!;
  const minute = localMinuteOfDay(instant, timeZone);
  return hours[weekday].some((interval) => minute >= parseClock(interval.open) && minute < parseClock(interval.close));
}

/**
 * The instant the current open interval closes, or null when closed. Used to cap
 * online booking deadlines at closing time.
 */
export function closingInstant(hours: OpeningHours, timeZone: string, instant: number): number | null {
  const weekday = WEEKDAY_KEYS[localParts(instant, timeZone).weekday]!;
  const minute = localMinuteOfDay(instant, timeZone);
  const interval = hours[weekday].find((i) => minute >= parseClock(i.open) && minute < parseClock(i.close));
  if (!interval) return null;
  const minuteStart = instant - (instant % 60_000);
  return minuteStart + (parseClock(interval.close) - minute) * 60_000;
}
