import { compileKeyMap, DEFAULT_KEYPAD_KEY_MAP, type KeypadAction, type KeypadKeyMap } from './keypad-actions.js';
import { monotonicClock, type Clock } from '@layso/electron-shell/serial';

export const DEFAULT_DEBOUNCE_MS = 300;

export interface KeypadDecoderOptions {
  keyMap?: KeypadKeyMap;
  /** A repeat of the same action within this many ms of the previous one is dropped. */
  debounceMs?: number;
  now?: Clock;
}

/**
 * Turns raw keypad bytes into actions. Pure apart from the injected clock, so the
 * mapping and debounce are unit-tested without a port.
 *
 * Debounce: the same action arriving again less than `debounceMs` after the last
 * byte for it is dropped, and the window restarts with every dropped repeat, so a
 * key that bounces (or is held down with auto-repeat) yields exactly one action.
 * It is keyed by action rather than byte so that even two keys mapped to `next`
 * cannot call two citizens at once. Unknown bytes, CR and LF are ignored and do not
 * reset the window (many keypads send "1\r\n" per press).
 */
export class KeypadDecoder {
  private readonly byByte: ReadonlyMap<number, KeypadAction>;
  private readonly debounceMs: number;
  private readonly now: Clock;
  private lastAction: KeypadAction | null = null;
  private lastAt = 0;

  constructor(options: KeypadDecoderOptions = {}) {
    this.byByte = compileKeyMap(options.keyMap ?? DEFAULT_KEYPAD_KEY_MAP);
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    if (!(this.debounceMs >= 0)) throw new RangeError(`debounceMs must be >= 0, got ${this.debounceMs}`);
    this.now = options.now ?? monotonicClock;
  }

  /** Actions for this chunk of bytes, in order. */
  push(chunk: Uint8Array): KeypadAction[] {
    const actions: KeypadAction[] = [];
    for (const byte of chunk) {
      const action = this.byByte.get(byte);
      if (action === undefined) continue;
      const at = this.now();
      const isRepeat = action === this.lastAction && at - this.lastAt < this.debounceMs;
      this.lastAction = action;
      this.lastAt = at;
      if (!isRepeat) actions.push(action);
    }
    return actions;
  }
}
