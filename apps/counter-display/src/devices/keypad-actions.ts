/** What a clerk can do from the serial keypad. `no-show` becomes the hub's `skip`. */
export const KEYPAD_ACTIONS = ['next', 'recall', 'no-show', 'done'] as const;
export type KeypadAction = (typeof KEYPAD_ACTIONS)[number];

/** Single-character key → action, e.g. { '1': 'next' }. */
export type KeypadKeyMap = Readonly<Record<string, KeypadAction>>;

export const DEFAULT_KEYPAD_KEY_MAP: KeypadKeyMap = {
  '1': 'next',
  '2': 'recall',
  '3': 'no-show',
  '4': 'done',
};

const CR = 0x0d;
const LF = 0x0a;

/**
 * Validates a key map and indexes it by byte value. Keys are single Latin-1
 * characters because keypads send one byte per key; CR and LF cannot be keys since
 * many keypads append them to every key press.
 */
export function compileKeyMap(keyMap: KeypadKeyMap): ReadonlyMap<number, KeypadAction> {
  const byByte = new Map<number, KeypadAction>();
  for (const [key, action] of Object.entries(keyMap)) {
    const code = key.charCodeAt(0);
    if (key.length !== 1 || code > 0xff) throw new RangeError(`keypad key ${JSON.stringify(key)} must be one byte`);
    if (code === CR || code === LF) throw new RangeError('keypad keys cannot be CR or LF');
    if (!(KEYPAD_ACTIONS as readonly string[]).includes(action)) {
      throw new RangeError(`keypad key ${JSON.stringify(key)}: unknown action ${JSON.stringify(action)}`);
    }
    byByte.set(code, action);
  }
  return byByte;
}
