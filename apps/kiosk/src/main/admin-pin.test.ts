import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './admin-pin.js';

describe('admin PIN', () => {
  it('verifies the right PIN only, and never stores it in clear', () => {
    const stored = hashPin('2468');
    expect(verifyPin('2468', stored)).toBe(true);
    expect(verifyPin('2469', stored)).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('2468');
  });

  it('salts each hash', () => {
    expect(hashPin('2468').hash).not.toBe(hashPin('2468').hash);
  });
});
