/**
 * Keyboard shortcuts on a kiosk (a USB keyboard left plugged in, a barcode reader
 * that sends modifiers): nothing may reload, close, zoom, print or open devtools.
 * One technician shortcut opens the settings screen.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type InputDecision = 'allow' | 'block' | 'open-settings';

export const SETTINGS_SHORTCUT = 'Ctrl+Alt+S';

/** Clipboard and undo, for typing a hub address or a long token on the settings screen. */
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z']);

export function classifyInput(input: KeyInput, options: { editing?: boolean } = {}): InputDecision {
  if (input.type !== 'keyDown') return 'allow';
  if (input.control && input.alt && input.key.toLowerCase() === 's') return 'open-settings';
  if (options.editing && (input.control || input.meta) && !input.alt && EDITING_KEYS.has(input.key.toLowerCase())) return 'allow';
  if (input.control || input.meta || input.alt) return 'block';
  if (/^F\d{1,2}$/.test(input.key)) return 'block';
  if (input.key === 'BrowserBack' || input.key === 'BrowserForward' || input.key === 'BrowserRefresh') return 'block';
  return 'allow';
}
