import type { SaveRequest, SaveResult, SettingsStatus, UnlockResult } from './settings-service.js';

/**
 * The one object the preload exposes to pages (window.laysoShell), typed once here;
 * electron/preload.ts builds it with `satisfies LaysoShellBridge`. Pages get these
 * calls and nothing else of Electron or Node. The main process answers the settings
 * calls only for the shell's own settings page (see ipc-handlers.ts).
 */
export interface LaysoShellBridge {
  readonly shell: 'electron';
  settingsStatus(): Promise<SettingsStatus>;
  unlockSettings(pin: string): Promise<UnlockResult>;
  saveSettings(request: SaveRequest): Promise<SaveResult>;
  /** Leave the settings screen without saving (back to the role page, when configured). */
  closeSettings(): void;
  /** The admin's remote "restart app" (optional: shells older than the device list lack it). */
  restartApp?(): Promise<void>;
  /** Hands what pairing gave the page to the shell, which keeps it and loads that screen; false when refused. */
  savePairing?(pairing: { token: string; screen: string; counter: number | null }): Promise<boolean>;
}

export type { SaveRequest, SaveResult, SettingsStatus, UnlockResult };

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    laysoShell?: LaysoShellBridge;
  }
}
