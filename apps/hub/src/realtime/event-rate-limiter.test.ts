import { describe, expect, it } from 'vitest';
import { EventRateLimiter, type EventVerdict } from './event-rate-limiter.js';
import { SOCKET_LIMITS } from './socket-limits.js';

const LIMITS = { eventsPerSecond: 10, eventBurst: 20, excessEvents: 30 };

function verdicts(limiter: EventRateLimiter, now: number, count: number): Record<EventVerdict, number> {
  const counts: Record<EventVerdict, number> = { allow: 0, drop: 0, disconnect: 0 };
  for (let i = 0; i < count; i++) counts[limiter.check(now)] += 1;
  return counts;
}

describe('EventRateLimiter', () => {
  it('allows a burst, drops what comes over it, and disconnects once the excess allowance is used up', () => {
    const limiter = new EventRateLimiter(LIMITS, 0);
    expect(verdicts(limiter, 0, 20)).toEqual({ allow: 20, drop: 0, disconnect: 0 });
    expect(verdicts(limiter, 0, 30)).toEqual({ allow: 0, drop: 30, disconnect: 0 });
    expect(limiter.check(0)).toBe('disconnect');
  });

  it('never limits a socket that stays within its rate, however long', () => {
    const limiter = new EventRateLimiter(LIMITS, 0);
    // 10 events a second for an hour, all at once at the start of each second.
    for (let second = 0; second < 3600; second++) {
      expect(verdicts(limiter, second * 1000, 10).allow).toBe(10);
    }
  });

  it('a burst over the rate now and then is dropped but never disconnects', () => {
    const limiter = new EventRateLimiter(LIMITS, 0);
    for (let minute = 0; minute < 60; minute++) {
      const result = verdicts(limiter, minute * 60_000, 40);
      expect(result).toEqual({ allow: 20, drop: 20, disconnect: 0 });
    }
  });

  it('a sustained flood is disconnected within seconds, even a moderate one', () => {
    const limiter = new EventRateLimiter(LIMITS, 0);
    let disconnectedAt: number | null = null;
    // 30 events a second (three times the rate), 100 ms apart.
    for (let tick = 0; tick < 600 && disconnectedAt === null; tick++) {
      if (verdicts(limiter, tick * 100, 3).disconnect > 0) disconnectedAt = tick * 100;
    }
    expect(disconnectedAt).not.toBeNull();
    expect(disconnectedAt!).toBeLessThan(10_000);
  });

  it('the hub limits leave a screen catching up after a gap (one request per event) well inside the burst', () => {
    const limiter = new EventRateLimiter(SOCKET_LIMITS, 0);
    expect(verdicts(limiter, 0, 50)).toEqual({ allow: 50, drop: 0, disconnect: 0 });
  });
});
