/**
 * Watches the wall clock the hub runs on. The hub follows the clock whatever it says
 * (it cannot know which reading is right: an RTC can jump ahead, NTP can correct it back,
 * a dead CMOS battery can start the box in 2000), but a clock that moved backwards or
 * jumped forward is something the administrator must hear about: tickets were stamped,
 * and maybe a day was rolled over, by a wrong time.
 *
 * Pure: the queue core feeds it every reading and persists its state in `meta`.
 */

/** A backwards move smaller than this is an ordinary NTP step and is not reported. */
export const BACKWARD_TOLERANCE_MS = 60_000;
/** A forward move between two readings larger than this is a jump (readings come every few seconds). */
export const FORWARD_JUMP_MS = 3_600_000;
/** The persisted highest reading is refreshed once the clock passed it by this much. */
export const HIGH_WATER_STEP_MS = 10 * 60_000;
/** Warnings kept until the administrator acknowledges them (the newest last). */
export const MAX_CLOCK_WARNINGS = 10;

export interface ClockJump {
  /** `backwards`: the clock now reads earlier than a time the hub already saw. */
  kind: 'backwards' | 'forward';
  /** The reading before the move (for `backwards` seen at start: the highest reading stored). */
  from: number;
  /** The reading after the move. */
  to: number;
  /** True when it was noticed at start, against the highest reading of an earlier run. */
  atStart: boolean;
}

export interface ClockWatchState {
  /** The highest reading ever persisted (refreshed every HIGH_WATER_STEP_MS). */
  highWater: number;
  warnings: ClockJump[];
}

export class ClockWatch {
  private last: number;
  private state: ClockWatchState;
  private dirty: boolean;

  /**
   * `stored`: the persisted state, or null on a new database (or one it cannot read).
   * `now`: the first reading of this run; a reading behind the stored highest one is a
   * backwards move that happened while the hub was stopped (or across the restart).
   */
  constructor(stored: ClockWatchState | null, now: number) {
    this.last = now;
    this.state = stored ? { highWater: stored.highWater, warnings: [...stored.warnings] } : { highWater: now, warnings: [] };
    this.dirty = stored === null;
    // Behind the highest reading, and not already explained by a backwards move still on
    // the list (the same correction seen again at this start).
    const explained = this.state.warnings.at(-1)?.kind === 'backwards' && now >= this.state.warnings.at(-1)!.to - BACKWARD_TOLERANCE_MS;
    if (stored && now < stored.highWater - BACKWARD_TOLERANCE_MS && !explained) this.warn({ kind: 'backwards', from: stored.highWater, to: now, atStart: true });
    this.raise(now);
  }

  /** Parses the persisted JSON; anything unreadable counts as no state (a fresh start). */
  static parse(json: string | null): ClockWatchState | null {
    if (!json) return null;
    try {
      const value = JSON.parse(json) as Partial<ClockWatchState>;
      if (typeof value.highWater !== 'number' || !Number.isFinite(value.highWater) || !Array.isArray(value.warnings)) return null;
      const warnings = value.warnings.filter(
        (w): w is ClockJump =>
          typeof w === 'object' && w !== null && (w.kind === 'backwards' || w.kind === 'forward') && Number.isFinite(w.from) && Number.isFinite(w.to) && typeof w.atStart === 'boolean',
      );
      return { highWater: value.highWater, warnings: warnings.slice(-MAX_CLOCK_WARNINGS) };
    } catch {
      return null;
    }
  }

  /**
   * True when the latest reading was a jump ahead that landed back near the highest time
   * already seen: a clock that was behind (set back, or a flat CMOS battery) set right,
   * not a night of sleep or downtime. The day it returns to is one the hub already had.
   */
  get caughtUp(): boolean {
    return this.caughtUpNow;
  }

  private caughtUpNow = false;

  /** Takes a reading; true when a warning was added. */
  observe(now: number): boolean {
    let jump: ClockJump | null = null;
    if (now < this.last - BACKWARD_TOLERANCE_MS) jump = { kind: 'backwards', from: this.last, to: now, atStart: false };
    else if (now > this.last + FORWARD_JUMP_MS) jump = { kind: 'forward', from: this.last, to: now, atStart: false };
    // Near: within an hour of it (plus the high-water step, by which the kept value may lag).
    this.caughtUpNow = jump?.kind === 'forward' && now >= this.state.highWater - FORWARD_JUMP_MS && now <= this.state.highWater + HIGH_WATER_STEP_MS + FORWARD_JUMP_MS;
    if (jump) this.warn(jump);
    this.last = now;
    this.raise(now);
    return jump !== null;
  }

  /** The administrator saw the warnings: they go, and the current reading becomes the highest. */
  acknowledge(now: number): void {
    this.state = { highWater: now, warnings: [] };
    this.last = now;
    this.dirty = true;
  }

  get warnings(): readonly ClockJump[] {
    return this.state.warnings;
  }

  /** The state to persist when it changed since the last `persisted()`; null otherwise. */
  pending(): ClockWatchState | null {
    return this.dirty ? { highWater: this.state.highWater, warnings: [...this.state.warnings] } : null;
  }

  /** The pending state was written. */
  persisted(): void {
    this.dirty = false;
  }

  /** What was written was rolled back (an outer transaction failed): write it again. */
  unpersisted(): void {
    this.dirty = true;
  }

  private warn(jump: ClockJump): void {
    this.state.warnings = [...this.state.warnings, jump].slice(-MAX_CLOCK_WARNINGS);
    this.dirty = true;
  }

  /** Keeps the highest reading, persisted in steps so a running hub writes it rarely. */
  private raise(now: number): void {
    if (now >= this.state.highWater + HIGH_WATER_STEP_MS) {
      this.state.highWater = now;
      this.dirty = true;
    }
  }
}
