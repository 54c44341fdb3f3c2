/** Opaque handle returned by Timers.setTimeout. */
export type TimerHandle = unknown;

/**
 * The timer functions the shells wait with (the serial reconnect loop, the board's page
 * keeper), injectable so unit tests can advance time by hand and integration tests can
 * hold a retry until their far end is ready.
 */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Milliseconds from a monotonic clock: wall-clock jumps (NTP, DST) must not break debouncing. */
export type Clock = () => number;

export const monotonicClock: Clock = () => performance.now();
