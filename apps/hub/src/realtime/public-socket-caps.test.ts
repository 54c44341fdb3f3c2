import { describe, expect, it } from 'vitest';
import { PublicSocketCaps } from './public-socket-caps.js';

describe('PublicSocketCaps', () => {
  it('limits sockets per address and in all, and gives places back', () => {
    const caps = new PublicSocketCaps({ publicPerAddress: 2, publicTotal: 3 });
    expect(caps.admit('10.0.0.1')).toBeNull();
    expect(caps.admit('10.0.0.1')).toBeNull();
    expect(caps.admit('10.0.0.1')).toBe('address-full');
    expect(caps.admit('10.0.0.2')).toBeNull();
    expect(caps.admit('10.0.0.3')).toBe('all-full');
    expect(caps.count()).toBe(3);
    caps.release('10.0.0.1');
    expect(caps.count('10.0.0.1')).toBe(1);
    expect(caps.admit('10.0.0.3')).toBeNull();
    expect(caps.count()).toBe(3);
  });

  it('a release for an address with no place taken changes nothing', () => {
    const caps = new PublicSocketCaps({ publicPerAddress: 1, publicTotal: 1 });
    caps.release('10.0.0.9');
    expect(caps.count()).toBe(0);
    expect(caps.admit('10.0.0.1')).toBeNull();
    caps.release('10.0.0.1');
    caps.release('10.0.0.1');
    expect(caps.count()).toBe(0);
    expect(caps.admit('10.0.0.2')).toBeNull();
    expect(caps.admit('10.0.0.3')).toBe('all-full');
  });
});
