import type { Language } from './strings.js';

/**
 * How a wait estimate is shown, everywhere (kiosk screen, paper ticket, phone page,
 * reminder message, board): one function, so a citizen reads the same words on each.
 * The hub sends its best estimate in whole minutes (`estWaitMin`); people read a range
 * around it, because a queue cannot promise a minute: "khoảng 15–25 phút", or
 * "dưới 5 phút" when it is short. Ranges are rounded outward to steps that grow with
 * the wait (5 minutes, then 10, then 30), so a small change of the estimate rarely
 * changes the words (the hub also holds its rate steady between updates).
 */

/** Below this many minutes the wait is simply "dưới 5 phút". */
export const SHORT_WAIT_MIN = 5;
/** The range is [LOW × estimate, HIGH × estimate], rounded outward to its step. */
const LOW = 0.75;
const HIGH = 1.3;

export interface WaitRange {
  /** 0 means "under `high` minutes". */
  low: number;
  high: number;
}

function step(minutes: number): number {
  if (minutes <= 60) return 5;
  if (minutes <= 120) return 10;
  return 30;
}

/** The range shown for an estimate of `estWaitMin` minutes. */
export function waitRange(estWaitMin: number): WaitRange {
  if (!Number.isFinite(estWaitMin) || estWaitMin < SHORT_WAIT_MIN) return { low: 0, high: SHORT_WAIT_MIN };
  const low = Math.max(SHORT_WAIT_MIN, Math.floor((estWaitMin * LOW) / step(estWaitMin * LOW)) * step(estWaitMin * LOW));
  const highRaw = estWaitMin * HIGH;
  const high = Math.max(low + step(low), Math.ceil(highRaw / step(highRaw)) * step(highRaw));
  return { low, high };
}

const WORDS: Record<Language, { under: (n: number) => string; about: (low: number, high: number) => string }> = {
  vi: { under: (n) => `dưới ${n} phút`, about: (low, high) => `khoảng ${low}–${high} phút` },
  en: { under: (n) => `under ${n} min`, about: (low, high) => `about ${low}–${high} min` },
};

/** "khoảng 15–25 phút" / "dưới 5 phút" (English: "about 15–25 min" / "under 5 min"). */
export function formatWait(estWaitMin: number, language: Language = 'vi'): string {
  const { low, high } = waitRange(estWaitMin);
  return low === 0 ? WORDS[language].under(high) : WORDS[language].about(low, high);
}
