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


/**
 * The instant at which `openMinutes` minutes of opening time have passed since `from`,
 * within `from`'s local day: time while the center is closed (the lunch break) does not
 * count, so a ticket taken at 11:25 that needs 20 minutes of service ahead of it, with
 * a 11:30–13:30 break, is called at 13:45. A wait that runs past the day's last closing
 * ends there (tickets are not carried to the next day). Outside any interval after the
 * last closing, or on a day without hours, every minute counts. Local days are taken as
 * 24 h long, which holds for the centers' time zones (no daylight saving in Việt Nam).
 */
export function afterOpenMinutes(hours: OpeningHours, timeZone: string, from: number, openMinutes: number): number {
  let remaining = Math.max(0, openMinutes) * 60_000;
  const dayStart = from - (from % 60_000) - localMinuteOfDay(from, timeZone) * 60_000;
  const weekday = WEEKDAY_KEYS[localParts(from, timeZone).weekday]!;
  let lastClose: number | null = null;
  for (const interval of hours[weekday]) {
    const start = Math.max(from, dayStart + parseClock(interval.open) * 60_000);
    const end = dayStart + parseClock(interval.close) * 60_000;
    if (start >= end) continue;
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
    lastClose = end;
  }
  return lastClose ?? from + Math.max(0, openMinutes) * 60_000;
}

