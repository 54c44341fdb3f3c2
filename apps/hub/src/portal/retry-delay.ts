/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so many
 * hubs coming back after a portal outage don't all retry at the same instant.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, maxMs: 60_000 };

export function retryDelayMs(attempt: number, random: () => number = Math.random, { baseMs, maxMs }: RetryPolicy = DEFAULT_RETRY): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
