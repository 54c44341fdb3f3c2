/**
 * Slows down guessing the admin PIN on the touchscreen: after a few wrong tries the
 * settings screen stays locked for a while, whatever is typed.
 */
export interface PinGuard {
  /** Seconds until the next try is accepted; 0 when not locked. */
  lockedForSec(): number;
  recordFailure(): void;
  recordSuccess(): void;
}

export function createPinGuard(options: { maxFailures?: number; lockMs?: number; now?: () => number } = {}): PinGuard {
  const maxFailures = options.maxFailures ?? 5;
  const lockMs = options.lockMs ?? 60_000;
  const now = options.now ?? Date.now;
  let failures = 0;
  let lockedUntil = 0;
  return {
    lockedForSec: () => Math.max(0, Math.ceil((lockedUntil - now()) / 1000)),
    recordFailure() {
      failures += 1;
      if (failures >= maxFailures) {
        lockedUntil = now() + lockMs;
        failures = 0;
      }
    },
    recordSuccess() {
      failures = 0;
    },
  };
}
