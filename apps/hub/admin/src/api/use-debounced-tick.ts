import { useEffect, useState } from 'react';

/**
 * Follows `tick` (a counter bumped by live events) but changes at most once per
 * `delayMs`, so a burst of queue events triggers one refetch, not fifty.
 */
export function useDebouncedTick(tick: number, delayMs = 2_000): number {
  const [settled, setSettled] = useState(tick);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(tick), delayMs);
    return () => clearTimeout(timer);
  }, [tick, delayMs]);
  return settled;
}
