import { localParts } from '@layso/shared';

const QUARTER_HOUR = 15 * 60_000;

/**
 * The center's local hour (0–23) of an instant, for a day's worth of tickets. Every
 * time zone offset in use is a whole number of quarter hours, so the hour is constant
 * within each UTC quarter hour: Intl is asked once per quarter hour, not per ticket.
 */
export function localHourFn(timeZone: string): (instant: number) => number {
  const cache = new Map<number, number>();
  return (instant) => {
    const quarter = Math.floor(instant / QUARTER_HOUR);
    let hour = cache.get(quarter);
    if (hour === undefined) {
      hour = Number(localParts(quarter * QUARTER_HOUR, timeZone).hour);
      cache.set(quarter, hour);
    }
    return hour;
  };
}
