import { lockedWebPreferences } from '@layso/electron-shell';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ShellRole } from './settings-schema.js';

/** The settings screen shows in a normal window; a role window's mode follows its role. */
export type WindowMode = ShellRole | 'settings';

/** TVs and door screens fill the screen with no way out for passers-by; the clerk's console is a window. */
export function isFullscreenMode(mode: WindowMode): boolean {
  return mode === 'board' || mode === 'door';
}

/**
 * BrowserWindow options. Security is the kiosk's (lockedWebPreferences): an isolated,
 * sandboxed renderer without Node, reaching the main process only through the
 * preload's contextBridge object.
 */
export function windowOptions(mode: WindowMode, preloadPath: string, options: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  const fullscreen = isFullscreenMode(mode);
  return {
    width: 1366,
    height: 768,
    show: false,
    fullscreen,
    kiosk: fullscreen,
    autoHideMenuBar: true,
    backgroundColor: '#0b2340',
    title: 'layso',
    webPreferences: {
      // Devtools (and their native file choosers) only for a technician's debug run (LAYSO_DEVTOOLS=1).
      ...lockedWebPreferences(preloadPath, { devTools: options.devTools }),
      // Boards call numbers out loud without anyone touching them.
      autoplayPolicy: 'no-user-gesture-required',
      // A hall TV is never "in the background"; its clock and blink timers must keep running.
      backgroundThrottling: !fullscreen,
    },
  };
}
