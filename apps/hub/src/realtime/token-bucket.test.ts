import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

const takeAll = (bucket: TokenBucket, now: number, tries: number) => Array.from({ length: tries }, () => bucket.take(now)).filter(Boolean).length;

describe('TokenBucket', () => {
  it('gives its capacity at once, then nothing until time passes', () => {
    const bucket = new TokenBucket(5, 2, 0);
    expect(takeAll(bucket, 0, 10)).toBe(5);
    expect(bucket.take(0)).toBe(false);
  });

  it('refills at its rate, never past its capacity', () => {
    const bucket = new TokenBucket(5, 2, 0);
    takeAll(bucket, 0, 5);
    expect(takeAll(bucket, 1_000, 10)).toBe(2);
    // An hour idle still refills only up to the capacity.
    expect(takeAll(bucket, 3_601_000, 100)).toBe(5);
  });

  it('counts fractions of a token across calls', () => {
    const bucket = new TokenBucket(1, 4, 0);
    bucket.take(0);
    expect(bucket.take(100)).toBe(false);
    expect(bucket.take(250)).toBe(true);
  });

  it('refills nothing when the time goes backwards', () => {
    const bucket = new TokenBucket(3, 1, 10_000);
    takeAll(bucket, 10_000, 3);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(10_999)).toBe(false);
    expect(bucket.take(11_000)).toBe(true);
  });
});
