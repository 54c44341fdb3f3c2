import type { FieldProblem, ShellSettings } from './settings-schema.js';

/** What the settings calls answer (settings-service.ts); types only, so pages can import them. */
export interface SettingsStatus {
  configured: boolean;
  /** False on first start: the settings screen then opens without a PIN and asks for a new one. */
  hasPin: boolean;
  problems: FieldProblem[];
}

export type UnlockResult =
  | { ok: true; settings: ShellSettings | null }
  | { ok: false; reason: 'wrong-pin' }
  | { ok: false; reason: 'locked'; retryInMs: number };

export interface SaveRequest {
  /** The current PIN (ignored on first start). */
  pin: string;
  settings: unknown;
  /** A new PIN; required on first start. */
  newPin?: string;
}

export type SaveResult =
  | { ok: true; settings: ShellSettings }
  | { ok: false; reason: 'wrong-pin' }
  | { ok: false; reason: 'locked'; retryInMs: number }
  | { ok: false; reason: 'invalid'; problems: FieldProblem[] };

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

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    laysoShell?: LaysoShellBridge;
  }
}
