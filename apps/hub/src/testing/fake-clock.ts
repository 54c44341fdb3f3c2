import type { Clock } from '../queue/ports.js';

/**
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a local wall time
 * `yyyy-MM-dd HH:mm[:ss]` maps to one instant.
 */
export function vnTime(local: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) throw new Error(`expected "yyyy-MM-dd HH:mm[:ss]", got "${local}"`);
  return Date.parse(`${match[1]}T${match[2]}${match[3] ?? ':00'}+07:00`);
}

/** A Monday inside the test center's morning opening hours. */
export const MONDAY_MORNING = vnTime('2026-11-23 08:00');

export const MINUTE = 60_000;

/** A clock the test moves by hand: no real time passes, ever. */
export class FakeClock implements Clock {
  private ms: number;

  /** `start`: epoch ms or an ISO instant such as `2026-11-22T16:59:59Z`. */
  constructor(start: number | string = MONDAY_MORNING) {
    this.ms = FakeClock.toMs(start);
  }

  now(): number {
    return this.ms;
  }

  set(at: number | string): void {
    this.ms = FakeClock.toMs(at);
  }

  advance(by: { minutes?: number; seconds?: number; ms?: number }): void {
    this.ms += (by.minutes ?? 0) * MINUTE + (by.seconds ?? 0) * 1000 + (by.ms ?? 0);
  }

  private static toMs(at: number | string): number {
    const ms = typeof at === 'number' ? at : Date.parse(at);
    if (Number.isNaN(ms)) throw new Error(`not an instant: ${String(at)}`);
    return ms;
  }
}
