import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows the burst, then one token per 60/perMinute seconds', () => {
    let now = 0;
    const bucket = new TokenBucket(6, 2, () => now);
    expect([bucket.take(), bucket.take()]).toEqual([0, 0]);
    expect(bucket.take()).toBe(10_000);
    now += 5_000;
    expect(bucket.take()).toBe(5_000);
    now += 5_000;
    expect(bucket.take()).toBe(0);
  });

  it('never saves up more than the burst', () => {
    let now = 0;
    const bucket = new TokenBucket(60, 1, () => now);
    now += 3_600_000;
    expect([bucket.take(), bucket.take() > 0]).toEqual([0, true]);
  });
});
