import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { SessionSweep } from './session-sweep.js';

interface Conn {
  name: string;
  live: boolean;
}

function setup() {
  const clock = new FakeClock();
  const dropped: string[] = [];
  const logged: string[] = [];
  const sweep = new SessionSweep<Conn>({
    isLive: (c) => {
      if (c.name === 'broken') throw new Error('database is locked');
      return c.live;
    },
    drop: (c) => dropped.push(c.name),
    clock,
    timing: { everyMs: 30_000, wakeMs: 1_000 },
    log: (message) => logged.push(message),
  });
  return { clock, dropped, logged, sweep };
}

describe('SessionSweep', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('sweeps when the interval has passed on the injected clock, dropping only ended sessions', () => {
    const { clock, dropped, sweep } = setup();
    const ended: Conn = { name: 'ended', live: true };
    sweep.watch(ended);
    sweep.watch({ name: 'live', live: true });
    ended.live = false;
    clock.advance({ seconds: 29 });
    vi.advanceTimersByTime(5_000);
    expect(dropped).toEqual([]);
    clock.advance({ seconds: 1 });
    vi.advanceTimersByTime(1_000);
    expect(dropped).toEqual(['ended']);
    expect(sweep.size).toBe(1);
  });

  it('drops each connection once, and runs no timer while nothing is watched', () => {
    const { clock, dropped, sweep } = setup();
    expect(vi.getTimerCount()).toBe(0);
    const conn: Conn = { name: 'a', live: false };
    sweep.watch(conn);
    expect(vi.getTimerCount()).toBe(1);
    clock.advance({ minutes: 1 });
    vi.advanceTimersByTime(1_000);
    clock.advance({ minutes: 1 });
    vi.advanceTimersByTime(1_000);
    expect(dropped).toEqual(['a']);
    expect(vi.getTimerCount()).toBe(0);
    sweep.watch({ name: 'b', live: true });
    sweep.unwatch(conn);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('a failed check is logged and retried on the next sweep, never thrown from the timer', () => {
    const { dropped, logged, sweep } = setup();
    const broken: Conn = { name: 'broken', live: false };
    sweep.watch(broken);
    sweep.watch({ name: 'ended', live: false });
    expect(sweep.sweep()).toBe(1);
    expect(dropped).toEqual(['ended']);
    expect(logged).toEqual(['checking an admin session failed']);
    expect(sweep.size).toBe(1);
  });

  it('sweeps at once when the clock was set back', () => {
    const { clock, dropped, sweep } = setup();
    sweep.watch({ name: 'ended', live: false });
    clock.advance({ minutes: -5 });
    vi.advanceTimersByTime(1_000);
    expect(dropped).toEqual(['ended']);
  });
});
