/**
 * One restartable timeout: `arm` starts (or restarts) it, any touch calls `poke`
 * to start it again from zero, `disarm` stops it. Timer functions are injected so
 * tests drive it with fake timers.
 */
export interface IdleTimer {
  arm(timeoutMs: number | null): void;
  poke(): void;
  disarm(): void;
}

export interface TimerFunctions {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: TimerFunctions = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createIdleTimer(onIdle: () => void, timers: TimerFunctions = globalTimers): IdleTimer {
  let timeoutMs: number | null = null;
  let handle: unknown = null;

  const stop = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const start = () => {
    stop();
    if (timeoutMs === null) return;
    handle = timers.setTimeout(() => {
      handle = null;
      onIdle();
    }, timeoutMs);
  };

  return {
    arm(ms) {
      timeoutMs = ms;
      start();
    },
    poke: start,
    disarm() {
      timeoutMs = null;
      stop();
    },
  };
}
