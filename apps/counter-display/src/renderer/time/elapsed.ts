/**
 * How long the current citizen has been served, as the console shows it: `mm:ss`,
 * with minutes going past 59 (`75:03`) rather than switching format mid-service, and
 * never negative (a clock a little behind the hub's must not show `-0:02`).
 */
export function formatElapsed(fromMs: number, nowMs: number): string {
  const total = Math.max(0, Math.floor((nowMs - fromMs) / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** `4,5 phút` with the Vietnamese decimal comma; null (no service finished yet) → `—`. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const rounded = Math.round(minutes * 10) / 10;
  return `${String(rounded).replace('.', ',')} phút`;
}
