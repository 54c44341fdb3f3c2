/** What the counter wants its LED board to show, straight from a `counter:changed` event. */
export interface LedDisplayState {
  /** The ticket being served (`86001`), or null when nobody has been called. */
  current: string | null;
  /** The counter is paused (clerk away): shown instead of the number. */
  paused?: boolean;
}

export type LedMessageKind = 'ticket' | 'idle' | 'paused';

/**
 * What a protocol encodes. `text` is ready to display; `kind` lets a vendor protocol
 * use a native blank or blink command instead of the text if its board has one.
 */
export interface LedMessage {
  kind: LedMessageKind;
  text: string;
}

export interface LedTexts {
  /** Shown when there is no current ticket; '' blanks the board. */
  idle: string;
  /** Shown while the counter is paused. */
  paused: string;
}

// Plain ASCII so every board can show them, even 7-segment ones.
export const DEFAULT_LED_TEXTS: Readonly<LedTexts> = { idle: '----', paused: 'PAUSE' };

export function toLedMessage(state: LedDisplayState, texts: LedTexts = DEFAULT_LED_TEXTS): LedMessage {
  if (state.paused) return { kind: 'paused', text: texts.paused };
  if (state.current === null || state.current === '') return { kind: 'idle', text: texts.idle };
  return { kind: 'ticket', text: state.current };
}
