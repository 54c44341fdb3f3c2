/**
 * An unattended screen never ends up at the desktop: its window refuses to close, and
 * if the app quits anyway (the last window gone, a stray quit, a crash of the window)
 * it starts itself again. Only two exits are real: the shell's own restart (the
 * admin's "restart app", which relaunches anyway) and the operating system ending the
 * session (shutdown, log-off), when relaunching would fight the OS.
 *
 * A main process that is killed outright cannot relaunch itself. Where the OS keeps the
 * shell running (a systemd user unit on Linux, a watchdog Scheduled Task on Windows,
 * both setting LAYSO_SUPERVISED=1), the supervisor starts it again after any exit, so
 * the app never relaunches itself there: it only exits. Relaunching as well would race
 * the supervisor to a second instance (docs/kiosk.md, "Kept running").
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

/** The variable the systemd unit and the Windows watchdog set for the shell they run. */
export const SUPERVISED_ENV = 'LAYSO_SUPERVISED';

/** True when an OS supervisor runs this process (it restarts the shell after any exit). */
export function isSupervised(env: Record<string, string | undefined>): boolean {
  return env[SUPERVISED_ENV] === '1';
}

export interface KeepOptions {
  /** An OS supervisor restarts the app after any exit: exit, never relaunch. */
  supervised?: boolean;
}

export function keepAppRunning(app: KeptApp, log: (message: string) => void = () => {}, options: KeepOptions = {}): AppKeeper {
  let leaving = false;
  let relaunched = false;
  const relaunchOnce = () => {
    if (relaunched || options.supervised) return;
    relaunched = true;
    app.relaunch();
  };
  const by = options.supervised ? 'the supervisor starts it again' : 'it will start again';

  // With every window refused a close, this only happens when a window died.
  app.on('window-all-closed', () => {
    if (leaving) return;
    log(`last window gone: exiting, ${by}`);
    relaunchOnce();
    app.exit(0);
  });
  app.on('will-quit', () => {
    if (leaving) return;
    log(`app quitting: ${by}`);
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
