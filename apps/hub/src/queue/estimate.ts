/** How many of today's most recent service times the rolling average uses. */
export const ROLLING_WINDOW = 20;

/** Average of recent service durations in minutes, or the configured default. */
export function averageServiceMinutes(durationsMs: readonly number[], defaultMinutes: number): number {
  if (durationsMs.length === 0) return defaultMinutes;
  const total = durationsMs.reduce((sum, d) => sum + d, 0);
  return total / durationsMs.length / 60_000;
}

/**
 * Estimated wait in whole minutes: people ahead × average service time ÷ open
 * counters serving the queue (at least one, so a queue with every counter paused
 * still gets a finite, pessimistic estimate).
 */
export function estimateWaitMinutes(ahead: number, avgServiceMinutes: number, openCounters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * avgServiceMinutes) / Math.max(1, openCounters));
}
