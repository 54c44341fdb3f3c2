import { describe, expect, it } from 'vitest';
import { hashPin, pinHashSchema, verifyPin } from './pin-hash.js';

describe('PIN hash', () => {
  it('verifies the right PIN only, and never stores it in clear', () => {
    const stored = hashPin('2468');
    expect(verifyPin('2468', stored)).toBe(true);
    expect(verifyPin('2469', stored)).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('2468');
  });

  it('salts each hash', () => {
    expect(hashPin('2468').hash).not.toBe(hashPin('2468').hash);
  });

  it('is what the settings files accept, and a truncated hash never matches', () => {
    const stored = hashPin('2468');
    expect(pinHashSchema.parse(stored)).toEqual(stored);
    expect(verifyPin('2468', { ...stored, hash: stored.hash.slice(0, 62) })).toBe(false);
  });
});
