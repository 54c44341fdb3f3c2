import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin.js';

describe('PIN', () => {
  it('verifies the right PIN only, and salts each hash', () => {
    const stored = hashPin('2468');
    expect(verifyPin('2468', stored)).toBe(true);
    expect(verifyPin('2469', stored)).toBe(false);
    expect(hashPin('2468').hash).not.toBe(stored.hash);
    expect(JSON.stringify(stored)).not.toContain('2468');
  });
});
