import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RecentCall } from '@layso/shared';
import { callKey } from './board-filter.js';

/** Long enough to catch the eye of someone who looked up at the chime, short enough not to annoy. */
export const BLINK_MS = 6_000;

export interface HighlightState {
  /** The live call blinking now (by callKey), or null. */
  blinking: string | null;
  /** Counter whose tile blinks with it. */
  blinkingCounter: number | null;
  /** The call the hall is hearing now (by callKey), or null when the voice is silent. */
  speaking: string | null;
  speakingCounter: number | null;
  noteLiveCall(call: RecentCall): void;
  /**
   * The voice started (or stopped) speaking a call. The blink follows the voice: when
   * calls queue up, the number that flashes is the one being read out, not the newest.
   */
  noteSpeaking(call: RecentCall | null): void;
}

export type HighlightStore = StoreApi<HighlightState>;

export interface HighlightTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: HighlightTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Which call blinks. Only live calls blink: calls that arrive in a snapshot (after a
 * reconnect or a reload) are old news and stay still, highlighted but not blinking.
 */
export function createHighlightStore(timers: HighlightTimers = realTimers, blinkMs = BLINK_MS): HighlightStore {
  let timer: unknown = null;
  return createStore<HighlightState>()((set, get) => ({
    blinking: null,
    blinkingCounter: null,
    speaking: null,
    speakingCounter: null,
    noteSpeaking(call) {
      if (call === null) {
        set({ speaking: null, speakingCounter: null });
        return;
      }
      set({ speaking: callKey(call), speakingCounter: call.counter });
      get().noteLiveCall(call);
    },
    noteLiveCall(call) {
      if (timer !== null) timers.clearTimeout(timer);
      set({ blinking: callKey(call), blinkingCounter: call.counter });
      timer = timers.setTimeout(() => {
        timer = null;
        set({ blinking: null, blinkingCounter: null });
      }, blinkMs);
    },
  }));
}
