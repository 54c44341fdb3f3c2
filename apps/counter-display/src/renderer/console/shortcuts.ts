import type { ConsoleAction } from './actions.js';

/** Keys per action, all printed on the button. */
export const SHORTCUTS: Record<ConsoleAction, readonly string[]> = {
  next: ['F1', 'Enter'],
  recall: ['F2'],
  skip: ['F3'],
  done: ['F4'],
  transfer: ['F5'],
  pause: ['F6'],
};

export interface KeyPress {
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The focused element's tag name (upper case), e.g. BUTTON. */
  targetTag: string | null;
  targetEditable: boolean;
}

// Enter on these already activates them natively; treating it as "next" too would act twice.
const ENTER_OWNERS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'A']);

/**
 * The console action for a key press, or null. A held key (auto-repeat) and keys
 * with modifiers are ignored, so leaning on F1 calls one ticket, not ten.
 */
export function actionForKey(press: KeyPress): ConsoleAction | null {
  if (press.repeat || press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Enter' && (press.targetEditable || (press.targetTag !== null && ENTER_OWNERS.has(press.targetTag)))) return null;
  for (const [action, keys] of Object.entries(SHORTCUTS) as [ConsoleAction, readonly string[]][]) {
    if (keys.includes(press.key)) return action;
  }
  return null;
}

export function keyPressOf(event: KeyboardEvent): KeyPress {
  const target = event.target instanceof HTMLElement ? event.target : null;
  return {
    key: event.key,
    repeat: event.repeat,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    targetTag: target?.tagName ?? null,
    targetEditable: target?.isContentEditable ?? false,
  };
}
