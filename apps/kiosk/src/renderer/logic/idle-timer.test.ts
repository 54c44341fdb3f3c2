import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer } from './idle-timer.js';

describe('createIdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the timeout without a touch', () => {
    const onIdle = vi.fn();
    createIdleTimer(onIdle).arm(10_000);
    vi.advanceTimersByTime(9_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts again from zero on every touch', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle);
    timer.arm(30_000);
    vi.advanceTimersByTime(20_000);
    timer.poke();
    vi.advanceTimersByTime(20_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('re-arming with a new screen timeout replaces the old one', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle);
    timer.arm(30_000);
    vi.advanceTimersByTime(5_000);
    timer.arm(10_000);
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing while disarmed or armed with null, even when poked', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle);
    timer.arm(null);
    timer.poke();
    vi.advanceTimersByTime(120_000);
    timer.arm(1_000);
    timer.disarm();
    timer.poke();
    vi.advanceTimersByTime(120_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
