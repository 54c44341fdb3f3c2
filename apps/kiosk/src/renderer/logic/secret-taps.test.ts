import { describe, expect, it, vi } from 'vitest';
import { createSecretTaps } from './secret-taps.js';

describe('createSecretTaps', () => {
  it('unlocks after five taps within three seconds', () => {
    let now = 0;
    const unlock = vi.fn();
    const tap = createSecretTaps(unlock, { now: () => now });
    for (let i = 0; i < 5; i++) {
      now += 500;
      tap();
    }
    expect(unlock).toHaveBeenCalledTimes(1);
  });

  it('does not unlock for slow taps', () => {
    let now = 0;
    const unlock = vi.fn();
    const tap = createSecretTaps(unlock, { now: () => now });
    for (let i = 0; i < 10; i++) {
      now += 1_000;
      tap();
    }
    expect(unlock).not.toHaveBeenCalled();
  });
});
