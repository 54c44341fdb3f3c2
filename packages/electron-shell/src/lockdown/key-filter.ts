/**
 * Keyboard shortcuts on an unattended screen (a USB keyboard left plugged in, a
 * barcode reader that sends modifiers): nothing may reload, close, zoom, print, leave
 * fullscreen or open devtools. One technician chord opens the settings screen. Both
 * shells (kiosk, counter display) run every key through this one filter in the main
 * process (before-input-event), so a page that hangs cannot change it.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type KeyDecision = 'allow' | 'block' | 'open-settings';

export const SETTINGS_SHORTCUT = 'Ctrl+Alt+S';

export interface KeyPolicy {
  /** A settings screen with text fields: clipboard and undo chords are allowed. */
  editing?: boolean;
  /**
   * Function keys a page of this role uses itself (the clerk's console: F1–F6). Never
   * F11 (leave fullscreen) or F12 (devtools), whatever is listed.
   */
  functionKeys?: readonly string[];
}

/** Clipboard and undo, for typing a hub address or a long token on the settings screen. */
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z']);
const NEVER_ALLOWED_FUNCTION_KEYS = new Set(['F11', 'F12']);
const BROWSER_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'BrowserFavorites', 'BrowserStop', 'Print', 'PrintScreen', 'ContextMenu', 'Help']);

export function isSettingsChord(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.control && input.alt && !input.shift && !input.meta && input.key.toLowerCase() === 's';
}

export function classifyKey(input: KeyInput, policy: KeyPolicy = {}): KeyDecision {
  if (input.type !== 'keyDown') return 'allow';
  if (isSettingsChord(input)) return 'open-settings';
  if (policy.editing && (input.control || input.meta) && !input.alt && EDITING_KEYS.has(input.key.toLowerCase())) return 'allow';
  if (input.control || input.meta || input.alt) return 'block';
  if (/^F\d{1,2}$/.test(input.key)) {
    return !NEVER_ALLOWED_FUNCTION_KEYS.has(input.key) && (policy.functionKeys ?? []).includes(input.key) ? 'allow' : 'block';
  }
  if (BROWSER_KEYS.has(input.key)) return 'block';
  return 'allow';
}
