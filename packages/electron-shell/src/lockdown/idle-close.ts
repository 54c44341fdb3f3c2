/**
 * A settings screen left open (unlocked) on a hall TV or a kiosk is a settings screen
 * for the next passer-by: after a minute without any key, tap or mouse movement it is
 * closed. Input is watched in the main process (webContents 'input-event' sees keys,
 * mouse and touch), so the page cannot keep itself open.
 */
export interface IdleTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface InputEventSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface IdleClose {
  /** The settings screen is showing: start counting. */
  arm(): void;
  /** It is gone: stop. */
  disarm(): void;
}

export const SETTINGS_IDLE_MS = 60_000;

export function closeWhenIdle(
  contents: InputEventSource,
  options: { onIdle(): void; idleMs?: number; timers?: IdleTimers },
): IdleClose {
  const idleMs = options.idleMs ?? SETTINGS_IDLE_MS;
  const timers: IdleTimers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  let armed = false;
  let handle: unknown = null;
  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const restart = () => {
    clear();
    handle = timers.setTimeout(() => {
      handle = null;
      if (!armed) return;
      armed = false;
      options.onIdle();
    }, idleMs);
  };
  contents.on('input-event', () => {
    if (armed) restart();
  });
  return {
    arm() {
      armed = true;
      restart();
    },
    disarm() {
      armed = false;
      clear();
    },
  };
}
