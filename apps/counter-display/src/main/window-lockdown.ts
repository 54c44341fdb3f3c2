import { closeWhenIdle, lockDownContents, type IdleTimers, type KeyPolicy, type LockableContents } from '@layso/electron-shell';
import { isAllowedNavigation } from './navigation-guard.js';
import type { WindowMode } from './window-options.js';

/** The clerk's console uses F1–F6 itself (src/renderer/console/shortcuts.ts); no other screen takes a function key. */
export const CONSOLE_FUNCTION_KEYS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'] as const;

export function keyPolicyFor(mode: WindowMode): KeyPolicy {
  if (mode === 'settings') return { editing: true };
  if (mode === 'counter') return { functionKeys: CONSOLE_FUNCTION_KEYS };
  return {};
}

export interface LockedController {
  readonly showing: WindowMode;
  allowedOrigins(): readonly string[];
  showSettings(): void;
  closeSettings(): void;
}

/**
 * The counter display's window under the lockdown it shares with the kiosk: only the
 * hub and the shell's own pages (links, redirects, frames), no new windows or
 * webviews, the shared key filter (Ctrl+Alt+S opens the settings, the console keeps
 * F1–F6), and a settings screen closed after a minute without input.
 */
export function lockDownShellWindow(
  contents: LockableContents,
  controller: () => LockedController,
  options: { log?: (message: string) => void; idleMs?: number; timers?: IdleTimers } = {},
): { arm(): void; disarm(): void } {
  lockDownContents(contents, {
    isAllowed: (url) => isAllowedNavigation(url, controller().allowedOrigins()),
    keyPolicy: () => keyPolicyFor(controller().showing),
    onSettingsShortcut: () => controller().showSettings(),
    log: options.log,
  });
  return closeWhenIdle(contents, {
    idleMs: options.idleMs,
    timers: options.timers,
    onIdle: () => {
      if (controller().showing !== 'settings') return;
      options.log?.('settings screen idle: back to the role page');
      controller().closeSettings();
    },
  });
}
