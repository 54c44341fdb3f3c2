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
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  relaunch(): void;
  exit(code?: number): void;
}

export interface KeptWindow {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
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
      window.on('close', (...args) => {
        if (leaving) return;
        (args[0] as PreventableEvent).preventDefault();
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

export interface SingleApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
}

export interface MenuLike {
  setApplicationMenu(menu: null): void;
}

/**
 * One instance, and no application menu: Electron's default menu carries accelerators
 * for devtools (Ctrl+Shift+I), reload (Ctrl+R), close and quit (Ctrl+W, Ctrl+Q) and
 * fullscreen (F11) that work even when the menu bar is hidden. False when another
 * instance runs already (this one quits).
 */
export function lockDownApp(app: SingleApp, menu: MenuLike): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  menu.setApplicationMenu(null);
  return true;
}
