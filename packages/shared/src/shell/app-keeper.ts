/**
 * An unattended screen never ends up at the desktop: its window refuses to close, and
 * if the app quits anyway (the last window gone, a stray quit, a crash of the window)
 * it starts itself again. Only two exits are real: the shell's own restart (the
 * admin's "restart app", which relaunches anyway) and the operating system ending the
 * session (shutdown, log-off), when relaunching would fight the OS.
 *
 * A main process that is killed outright cannot relaunch itself; the installers'
 * autostart brings it back at the next login (docs/kiosk.md, docs/counter-display.md).
 */
import type { PreventableEvent } from './session-lockdown.js';

export interface KeptApp {
  on(event: string, listener: (...args: never[]) => void): unknown;
  relaunch(): void;
  exit(code?: number): void;
}

export interface KeptWindow {
  on(event: string, listener: (...args: never[]) => void): unknown;
}

export interface AppKeeper {
  /** Adds a window whose close button / Alt+F4 / window manager close is refused. */
  keepWindow(window: KeptWindow): void;
  /** The shell's own restart: relaunch once, then exit. */
  restart(): void;
  /** The OS ends the session: let the app go without coming back. */
  sessionEnding(): void;
}

export function keepAppRunning(app: KeptApp, log: (message: string) => void = () => {}): AppKeeper {
  let leaving = false;
  let relaunched = false;
  const relaunchOnce = () => {
    if (relaunched) return;
    relaunched = true;
    app.relaunch();
  };

  // With every window refused a close, this only happens when a window died.
  app.on('window-all-closed', () => {
    if (leaving) return;
    log('last window gone: restarting the app');
    relaunchOnce();
    app.exit(0);
  });
  app.on('will-quit', () => {
    if (leaving) return;
    log('app quitting: it will start again');
    relaunchOnce();
  });

  return {
    keepWindow(window) {
      window.on('close', (event: PreventableEvent) => {
        if (leaving) return;
        event.preventDefault();
        log('refused to close the window');
      });
    },
    restart() {
      leaving = true;
      relaunchOnce();
      app.exit(0);
    },
    sessionEnding() {
      leaving = true;
    },
  };
}
