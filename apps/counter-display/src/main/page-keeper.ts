import { systemTimers, type Timers } from '@layso/electron-shell';
import type { EmitterLike } from './emitter-like.js';

export interface KeptContents extends EmitterLike {
  loadURL(url: string): Promise<void>;
}

export interface PageKeeperOptions {
  /** The page to (re)load; null while there is none (e.g. during setup). */
  url(): string | null;
  timers?: Timers;
  /** Waits before successive reload attempts; the last one repeats. */
  delaysMs?: readonly number[];
  /** How long a window may hang before it is reloaded. */
  unresponsiveMs?: number;
  log?: (message: string) => void;
}

/** Chromium's "navigation aborted": a new load replaced this one, not a failure. */
const ERR_ABORTED = -3;
const DEFAULT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Nobody is at a hall TV to press F5: reload the page when the renderer crashes or
 * hangs, and keep retrying when the hub cannot be reached (at power-on the TV often
 * boots faster than the hub), backing off so a dead hub is not hammered.
 */
export function keepPageAlive(contents: KeptContents, options: PageKeeperOptions): { dispose(): void } {
  const timers = options.timers ?? systemTimers;
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  const log = options.log ?? (() => {});
  let attempt = 0;
  let pending: unknown = null;
  let hangTimer: unknown = null;
  let loadFailed = false;
  let disposed = false;

  const reload = (why: string, delay = delays[Math.min(attempt, delays.length - 1)]!) => {
    if (disposed || pending !== null) return;
    attempt++;
    log(`${why}; reloading in ${delay} ms`);
    pending = timers.setTimeout(() => {
      pending = null;
      const url = options.url();
      // loadURL rejects when the load fails; did-fail-load schedules the next try.
      if (url) contents.loadURL(url).catch(() => undefined);
    }, delay);
  };

  contents.on('render-process-gone', (...args: unknown[]) => {
    const details = args[1] as { reason?: string } | undefined;
    if (details?.reason === 'clean-exit') return;
    reload(`renderer gone (${details?.reason ?? 'unknown'})`);
  });
  contents.on('did-start-loading', () => {
    loadFailed = false;
  });
  contents.on('did-fail-load', (...args: unknown[]) => {
    const [, code, description, url, isMainFrame] = args as [unknown, number, string, string, boolean];
    if (!isMainFrame || code === ERR_ABORTED) return;
    loadFailed = true;
    reload(`load of ${url} failed (${code} ${description})`);
  });
  contents.on('did-finish-load', () => {
    if (!loadFailed) attempt = 0;
  });
  contents.on('unresponsive', () => {
    if (hangTimer !== null) return;
    hangTimer = timers.setTimeout(() => {
      hangTimer = null;
      reload('renderer unresponsive', 0);
    }, options.unresponsiveMs ?? 15_000);
  });
  contents.on('responsive', () => {
    if (hangTimer !== null) timers.clearTimeout(hangTimer);
    hangTimer = null;
  });

  return {
    dispose() {
      disposed = true;
      if (pending !== null) timers.clearTimeout(pending);
      if (hangTimer !== null) timers.clearTimeout(hangTimer);
    },
  };
}
