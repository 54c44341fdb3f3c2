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
}

export type { SaveRequest, SaveResult, SettingsStatus, UnlockResult };

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    laysoShell?: LaysoShellBridge;
  }
}
