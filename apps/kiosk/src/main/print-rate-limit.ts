/**
 * How many prints the page may ask for: a token bucket in the main process, so a page
 * gone wrong (or rewritten on the LAN) cannot empty the paper roll. A burst of 10, then
 * one every 4 s (15 a minute): a busy kiosk issues one ticket per citizen, a few
 * seconds apart, and the admin's test print is one more.
 */
export interface PrintRateLimit {
  /** True when a print may go ahead now (and counts it). */
  take(): boolean;
}

export function createPrintRateLimit(options: { burst?: number; refillMs?: number; now?: () => number } = {}): PrintRateLimit {
  const burst = options.burst ?? 10;
  const refillMs = options.refillMs ?? 4_000;
  const now = options.now ?? Date.now;
  let tokens = burst;
  let last = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + Math.max(0, at - last) / refillMs);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
