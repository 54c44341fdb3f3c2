import { localMinuteOfDay, serviceDay } from '@layso/shared';

/**
 * When the nightly backup is due and which ones to delete. Pure: the scheduler
 * passes the clock, the center's time zone and the files it found.
 */
export interface NightlySettings {
  hour: number;
  keepDays: number;
  timeZone: string;
}

/** The day whose backup should be taken now, or null: at or after `hour` local time, once per day. */
export function dueDay(now: number, settings: NightlySettings, existingDays: ReadonlySet<string>): string | null {
  if (localMinuteOfDay(now, settings.timeZone) < settings.hour * 60) return null;
  const day = serviceDay(now, settings.timeZone);
  return existingDays.has(day) ? null : day;
}

/** Days older than `keepDays` counted back from today (today's backup is day 1). */
export function expiredDays(now: number, settings: NightlySettings, days: Iterable<string>): string[] {
  const today = serviceDay(now, settings.timeZone);
  const cutoff = new Date(`${today}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - (settings.keepDays - 1));
  const oldestKept = cutoff.toISOString().slice(0, 10);
  return [...days].filter((day) => day < oldestKept).sort();
}
