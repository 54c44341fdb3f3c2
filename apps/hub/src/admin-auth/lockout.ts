/**
 * Consecutive failed sign-ins lock an account for a while. Pure: the stores keep
 * `failedCount` and `lockedUntil`, this decides what they become.
 */
export interface LockoutPolicy {
  /** Failures in a row that lock the account. */
  maxFailures: number;
  lockMs: number;
}

export const ADMIN_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };
export const CLERK_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 5 * 60_000 };

export interface LockoutState {
  failedCount: number;
  lockedUntil: number | null;
}

export function isLocked(state: LockoutState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** After a wrong password: the count grows; reaching the limit locks and restarts the count. */
export function afterFailure(state: LockoutState, now: number, policy: LockoutPolicy): LockoutState {
  // A lock that has run out starts a fresh series of attempts.
  const base = state.lockedUntil !== null && state.lockedUntil <= now ? 0 : state.failedCount;
  const failedCount = base + 1;
  if (failedCount >= policy.maxFailures) return { failedCount: 0, lockedUntil: now + policy.lockMs };
  return { failedCount, lockedUntil: state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null };
}

export const UNLOCKED: LockoutState = { failedCount: 0, lockedUntil: null };
