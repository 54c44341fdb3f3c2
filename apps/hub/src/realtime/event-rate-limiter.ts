import { TokenBucket } from './token-bucket.js';
import type { SocketLimits } from './socket-limits.js';

export type EventVerdict = 'allow' | 'drop' | 'disconnect';

/**
 * One socket's client->hub events: within the rate they are handled, over it they are
 * dropped, and a socket that keeps going over it (a flood, not a burst) is disconnected.
 */
export class EventRateLimiter {
  private readonly allowance: TokenBucket;
  private readonly excess: TokenBucket;

  constructor(limits: Pick<SocketLimits, 'eventsPerSecond' | 'eventBurst' | 'excessEvents'>, now: number) {
    this.allowance = new TokenBucket(limits.eventBurst, limits.eventsPerSecond, now);
    this.excess = new TokenBucket(limits.excessEvents, limits.eventsPerSecond / 2, now);
  }

  check(now: number): EventVerdict {
    if (this.allowance.take(now)) return 'allow';
    return this.excess.take(now) ? 'drop' : 'disconnect';
  }
}
