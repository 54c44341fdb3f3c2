/**
 * The kiosk window: fullscreen, no frame, no menu, and the page locked in a sandbox
 * with only the `window.layso` bridge (contextIsolation, no Node, sandbox).
 */
import { lockedWebPreferences } from '@layso/electron-shell';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { KioskSettings } from './settings-schema.js';

export interface WindowOptionsInput {
  preload: string;
  /** Devtools for a technician's debug build only. */
  devTools?: boolean;
}

export function kioskWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    // Shown on ready-to-show so the citizen never sees a white flash.
    show: false,
    webPreferences: {
      ...lockedWebPreferences(input.preload, { devTools: input.devTools }),
      // A hall kiosk runs unattended: no timers throttled when the screen blanks.
      backgroundThrottling: false,
    },
  };
}

/**
 * The hub-served kiosk page, provisioned with the device token (read then removed by
 * the page); without a token yet, the page shows a pairing code.
 */
export function kioskPageUrl(settings: Pick<KioskSettings, 'hubUrl' | 'token'>): string {
  if (settings.token === null) return `${settings.hubUrl}/kiosk/`;
  return `${settings.hubUrl}/kiosk/#token=${encodeURIComponent(settings.token)}`;
}
