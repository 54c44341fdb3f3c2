/** The keys of Electron's before-input-event `input` that matter here. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

/**
 * Ctrl+Alt+S opens the settings screen (behind its PIN). A chord nobody types by
 * accident on a console that uses F1–F6, caught in the main process so a page that
 * hangs or never loaded cannot keep a technician out.
 */
export function isSettingsShortcut(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.control && input.alt && !input.shift && !input.meta && input.key.toLowerCase() === 's';
}
