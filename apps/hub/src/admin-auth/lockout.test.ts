import { describe, expect, it } from 'vitest';
import { ADMIN_LOCKOUT, afterFailure, CLERK_LOCKOUT, isLocked, UNLOCKED, type LockoutState } from './lockout.js';

const MIN = 60_000;

function fail(times: number, start: LockoutState, now: number): LockoutState {
  let state = start;
  for (let i = 0; i < times; i++) state = afterFailure(state, now, ADMIN_LOCKOUT);
  return state;
}

describe('lockout after failed sign-ins', () => {
  it('four failures count up without locking; the fifth locks for 15 minutes', () => {
    const four = fail(4, UNLOCKED, 1000);
    expect(four).toEqual({ failedCount: 4, lockedUntil: null });
    expect(isLocked(four, 1000)).toBe(false);
    const five = afterFailure(four, 2000, ADMIN_LOCKOUT);
    expect(five.lockedUntil).toBe(2000 + 15 * MIN);
    expect(isLocked(five, 2000 + 15 * MIN - 1)).toBe(true);
    expect(isLocked(five, 2000 + 15 * MIN)).toBe(false);
  });

  it('clerk PINs lock for 5 minutes', () => {
    let state = UNLOCKED;
    for (let i = 0; i < 5; i++) state = afterFailure(state, 0, CLERK_LOCKOUT);
    expect(state.lockedUntil).toBe(5 * MIN);
  });

  it('after a lock has run out, a wrong password starts a new series (not an instant re-lock)', () => {
    const locked = fail(5, UNLOCKED, 0);
    const later = afterFailure(locked, 16 * MIN, ADMIN_LOCKOUT);
    expect(later).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it('a failure during a lock keeps the lock as it is', () => {
    const locked = fail(5, UNLOCKED, 0);
    expect(afterFailure(locked, MIN, ADMIN_LOCKOUT).lockedUntil).toBe(locked.lockedUntil);
  });
});
