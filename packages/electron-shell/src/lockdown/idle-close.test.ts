import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeWhenIdle } from './idle-close.js';

function manualTimers() {
  const pending = new Map<number, { fn: () => void; at: number }>();
  let now = 0;
  let id = 0;
  return {
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(++id, { fn, at: now + ms });
      return id;
    },
    clearTimeout: (handle: unknown) => pending.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [key, timer] of [...pending]) {
        if (timer.at <= now) {
          pending.delete(key);
          timer.fn();
        }
      }
    },
  };
}

describe('settings screen closed when idle', () => {
  it('closes after 60 s without input, counting from the last input', () => {
    const contents = new EventEmitter();
    const timers = manualTimers();
    let closed = 0;
    const idle = closeWhenIdle(contents, { timers, onIdle: () => closed++ });
    idle.arm();
    timers.advance(50_000);
    contents.emit('input-event', {}, { type: 'touchStart' });
    timers.advance(50_000);
    expect(closed).toBe(0);
    timers.advance(10_000);
    expect(closed).toBe(1);
    timers.advance(120_000);
    expect(closed).toBe(1);
  });

  it('does nothing once the screen is gone', () => {
    const contents = new EventEmitter();
    const timers = manualTimers();
    let closed = 0;
    const idle = closeWhenIdle(contents, { timers, onIdle: () => closed++ });
    idle.arm();
    idle.disarm();
    contents.emit('input-event', {}, { type: 'keyDown' });
    timers.advance(120_000);
    expect(closed).toBe(0);
  });
});
