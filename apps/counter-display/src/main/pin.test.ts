import { describe, expect, it } from 'vitest';
import { hashPin, PinAttempts, verifyPin } from './pin.js';

describe('PIN', () => {
  it('verifies the right PIN only, and salts each hash', () => {
    const stored = hashPin('2468');
    expect(verifyPin('2468', stored)).toBe(true);
    expect(verifyPin('2469', stored)).toBe(false);
    expect(hashPin('2468').hash).not.toBe(stored.hash);
    expect(JSON.stringify(stored)).not.toContain('2468');
  });

  it('locks after repeated failures, then lets the PIN be tried again', () => {
    let now = 0;
    const attempts = new PinAttempts(3, 60_000, () => now);
    attempts.recordFailure();
    attempts.recordFailure();
    expect(attempts.lockedFor()).toBe(0);
    attempts.recordFailure();
    expect(attempts.lockedFor()).toBe(60_000);
    now = 60_000;
    expect(attempts.lockedFor()).toBe(0);
  });
});
