import { localParts } from '@layso/shared';

/** `layso-20261123-1430.sqlite`: the name of a downloaded backup, in center time. */
export function downloadName(now: number, timeZone: string): string {
  const p = localParts(now, timeZone);
  return `layso-${p.year}${p.month}${p.day}-${p.hour}${p.minute}.sqlite`;
}

const NIGHTLY = /^layso-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/** `layso-2026-11-23.sqlite`: one nightly backup per service day. */
export function nightlyName(day: string): string {
  return `layso-${day}.sqlite`;
}

/** The day of a nightly backup file, or null for any other file in that folder. */
export function nightlyDay(fileName: string): string | null {
  return NIGHTLY.exec(fileName)?.[1] ?? null;
}

/** `2026-11-23T02-00-00-000Z`: sortable, and valid in a Windows file name too. */
export function fileStamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}
