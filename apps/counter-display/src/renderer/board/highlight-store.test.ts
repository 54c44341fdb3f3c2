import { describe, expect, it } from 'vitest';
import type { RecentCall } from '@layso/shared';
import { createHighlightStore, type HighlightTimers } from './highlight-store.js';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: HighlightTimers = {
    setTimeout: (fn) => {
      pending.set(next, fn);
      return next++;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  return { timers, fireAll: () => [...pending.entries()].forEach(([id, fn]) => (pending.delete(id), fn())), pending };
}

const call = (number: string, counter: number, at: string): RecentCall => ({ number, counter, serviceId: 's', areaId: 'a', recall: false, at });

describe('highlight store', () => {
  it('blinks a live call, then stops', () => {
    const { timers, fireAll } = manualTimers();
    const store = createHighlightStore(timers, 6_000);
    store.getState().noteLiveCall(call('86001', 86, '2026-03-02T03:00:00Z'));
    expect(store.getState()).toMatchObject({ blinking: '86001@86@2026-03-02T03:00:00Z@c', blinkingCounter: 86 });
    fireAll();
    expect(store.getState()).toMatchObject({ blinking: null, blinkingCounter: null });
  });

  it('a newer call takes over the blink and restarts its time', () => {
    const { timers, pending } = manualTimers();
    const store = createHighlightStore(timers, 6_000);
    store.getState().noteLiveCall(call('86001', 86, '2026-03-02T03:00:00Z'));
    store.getState().noteLiveCall(call('60001', 60, '2026-03-02T03:00:01Z'));
    expect(pending.size).toBe(1);
    expect(store.getState().blinkingCounter).toBe(60);
  });

  it('marks the call being spoken, blinks it, and clears the mark when the voice stops', () => {
    const { timers } = manualTimers();
    const store = createHighlightStore(timers, 6_000);
    store.getState().noteSpeaking(call('86001', 86, '2026-03-02T03:00:00Z'));
    expect(store.getState()).toMatchObject({ speaking: '86001@86@2026-03-02T03:00:00Z@c', speakingCounter: 86, blinkingCounter: 86 });
    store.getState().noteSpeaking(null);
    expect(store.getState()).toMatchObject({ speaking: null, speakingCounter: null });
  });
});
