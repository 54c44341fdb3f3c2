import { describe, expect, it } from 'vitest';
import { BACKWARD_TOLERANCE_MS, ClockWatch, FORWARD_JUMP_MS, HIGH_WATER_STEP_MS, MAX_CLOCK_WARNINGS } from './clock-watch.js';

const T0 = Date.parse('2026-11-23T01:00:00Z');

describe('ClockWatch', () => {
  it('a new database: nothing to warn about, the first reading is the highest, to be persisted', () => {
    const watch = new ClockWatch(null, T0);
    expect(watch.warnings).toEqual([]);
    expect(watch.pending()).toEqual({ highWater: T0, warnings: [] });
    watch.persisted();
    expect(watch.pending()).toBeNull();
  });

  it('persists the highest reading only every 10 minutes of clock, not on every reading', () => {
    const watch = new ClockWatch(null, T0);
    watch.persisted();
    for (let ms = 5_000; ms < HIGH_WATER_STEP_MS; ms += 5_000) {
      expect(watch.observe(T0 + ms)).toBe(false);
      expect(watch.pending()).toBeNull();
    }
    watch.observe(T0 + HIGH_WATER_STEP_MS);
    expect(watch.pending()).toEqual({ highWater: T0 + HIGH_WATER_STEP_MS, warnings: [] });
  });

  it('reports a move back of more than the tolerance, and a jump ahead of more than an hour', () => {
    const watch = new ClockWatch(null, T0);
    expect(watch.observe(T0 - BACKWARD_TOLERANCE_MS)).toBe(false);
    expect(watch.observe(T0 - 2 * BACKWARD_TOLERANCE_MS - 1)).toBe(true);
    const back = T0 - 2 * BACKWARD_TOLERANCE_MS - 1;
    expect(watch.observe(back + FORWARD_JUMP_MS)).toBe(false);
    expect(watch.observe(back + 2 * FORWARD_JUMP_MS + 1)).toBe(true);
    expect(watch.warnings).toEqual([
      { kind: 'backwards', from: T0 - BACKWARD_TOLERANCE_MS, to: back, atStart: false },
      { kind: 'forward', from: back + FORWARD_JUMP_MS, to: back + 2 * FORWARD_JUMP_MS + 1, atStart: false },
    ]);
  });

  it('keeps the newest warnings only', () => {
    const watch = new ClockWatch(null, T0);
    for (let i = 1; i <= MAX_CLOCK_WARNINGS + 3; i++) watch.observe(T0 + i * 2 * FORWARD_JUMP_MS);
    expect(watch.warnings).toHaveLength(MAX_CLOCK_WARNINGS);
    expect(watch.warnings.at(-1)!.to).toBe(T0 + (MAX_CLOCK_WARNINGS + 3) * 2 * FORWARD_JUMP_MS);
  });

  it('at start, a clock behind the stored highest reading is a warning, unless a stored move back explains it', () => {
    expect(new ClockWatch({ highWater: T0, warnings: [] }, T0 - 5 * 60_000).warnings).toEqual([{ kind: 'backwards', from: T0, to: T0 - 5 * 60_000, atStart: true }]);
    expect(new ClockWatch({ highWater: T0, warnings: [] }, T0 - BACKWARD_TOLERANCE_MS).warnings).toEqual([]);
    const known = { kind: 'backwards' as const, from: T0, to: T0 - 86_400_000, atStart: false };
    expect(new ClockWatch({ highWater: T0, warnings: [known] }, T0 - 86_400_000 + 60_000).warnings).toEqual([known]);
    // Behind even the known correction: a second move back.
    expect(new ClockWatch({ highWater: T0, warnings: [known] }, T0 - 2 * 86_400_000).warnings).toHaveLength(2);
  });

  it('caughtUp: a jump ahead landing near the highest reading seen (a clock that was behind, set right), nothing else', () => {
    const watch = new ClockWatch(null, T0);
    watch.observe(T0 - 7 * 86_400_000); // set a week back
    expect(watch.caughtUp).toBe(false);
    watch.observe(T0 + 5 * 60_000); // set right
    expect(watch.caughtUp).toBe(true);
    watch.observe(T0 + 10 * 60_000);
    expect(watch.caughtUp).toBe(false); // only the reading of the jump
    watch.observe(T0 + 16 * 3_600_000); // a night asleep: a time never seen
    expect(watch.caughtUp).toBe(false);
    const ahead = new ClockWatch(null, T0);
    ahead.observe(T0 + 400 * 86_400_000);
    ahead.observe(T0 + 60_000); // corrected back: the highest reading stays 400 days ahead
    ahead.observe(T0 + 86_400_000); // a jump of a day, far below it
    expect(ahead.caughtUp).toBe(false);
  });

  it('acknowledging clears the warnings and makes now the highest reading', () => {
    const watch = new ClockWatch({ highWater: T0 + 400 * 86_400_000, warnings: [] }, T0);
    expect(watch.warnings).toHaveLength(1);
    watch.acknowledge(T0 + 1000);
    expect(watch.warnings).toEqual([]);
    expect(watch.pending()).toEqual({ highWater: T0 + 1000, warnings: [] });
  });

  it.each([
    ['no record', null],
    ['not JSON', '{"highWater":'],
    ['a string high water', '{"highWater":"soon","warnings":[]}'],
    ['no warnings list', '{"highWater":1}'],
    ['JSON null', 'null'],
  ])('reads a damaged record (%s) as none', (_, json) => {
    expect(ClockWatch.parse(json)).toBeNull();
  });

  it('drops malformed warnings from a record and keeps the rest', () => {
    const json = JSON.stringify({ highWater: T0, warnings: [{ kind: 'sideways', from: 1, to: 2, atStart: false }, null, { kind: 'forward', from: 1, to: 2, atStart: false }] });
    expect(ClockWatch.parse(json)).toEqual({ highWater: T0, warnings: [{ kind: 'forward', from: 1, to: 2, atStart: false }] });
  });
});
