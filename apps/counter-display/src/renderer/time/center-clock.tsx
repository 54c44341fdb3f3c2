import { formatDateTime } from '@layso/shared';
import { useNow } from './use-now.js';

interface CenterClockProps {
  timeZone: string;
  /** serverTime − local time, from the hub snapshot. */
  clockOffsetMs: number;
  className?: string;
}

/** `dd/MM/yyyy HH:mm` in the center's time zone, on the hub's clock rather than the screen's. */
export function CenterClock({ timeZone, clockOffsetMs, className }: CenterClockProps) {
  const now = useNow(1_000);
  return (
    <time className={className} data-testid="center-clock">
      {formatDateTime(now + clockOffsetMs, timeZone)}
    </time>
  );
}
