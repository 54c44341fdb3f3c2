import { describe, expect, it } from 'vitest';
import { SnapshotCoalescer, type Schedule } from './snapshot-coalescer.js';

/** A clock and timers the test moves by hand. */
function setup(intervalMs = 100, flushPollMs = 50) {
  let now = 0;
  let flushed = true;
  let timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const schedule: Schedule = (run, ms) => {
    const timer = { at: now + ms, run, cancelled: false };
    timers.push(timer);
    return () => (timer.cancelled = true);
  };
  const sent: number[] = [];
  const coalescer = new SnapshotCoalescer({
    now: () => now,
    schedule,
    isFlushed: () => flushed,
    send: () => sent.push(now),
    intervalMs,
    flushPollMs,
  });
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
    }
    now = until;
  };
  return {
    coalescer,
    sent,
    advance,
    setFlushed: (value: boolean) => (flushed = value),
    setNow: (value: number) => (now = value),
    liveTimers: () => timers.filter((t) => !t.cancelled).length,
  };
}

describe('SnapshotCoalescer', () => {
  it('sends the first snapshot at once, even while other output is on its way', () => {
    const { coalescer, sent, setFlushed } = setup();
    setFlushed(false);
    coalescer.request();
    expect(sent).toEqual([0]);
  });

  it('merges every request within the interval into one snapshot sent when it ends', () => {
    const { coalescer, sent, advance } = setup();
    coalescer.request();
    advance(10);
    for (let i = 0; i < 1000; i++) coalescer.request();
    expect(sent).toEqual([0]);
    expect(coalescer.pending).toBe(true);
    advance(200);
    expect(sent).toEqual([0, 100]);
    expect(coalescer.pending).toBe(false);
  });

  it('a request after the interval is answered at once', () => {
    const { coalescer, sent, advance } = setup();
    coalescer.request();
    advance(150);
    coalescer.request();
    expect(sent).toEqual([0, 150]);
  });

  it('holds a snapshot while the previous one has not left, and sends one fresh snapshot once it has', () => {
    const { coalescer, sent, advance, setFlushed } = setup();
    coalescer.request();
    setFlushed(false);
    advance(500);
    coalescer.request();
    coalescer.request();
    advance(1_000);
    expect(sent).toEqual([0]);
    setFlushed(true);
    advance(50);
    expect(sent).toEqual([0, 1550]);
  });

  it('a socket asking flat out gets one snapshot per interval', () => {
    const { coalescer, sent, advance } = setup();
    for (let ms = 0; ms < 1_000; ms += 1) {
      coalescer.request();
      advance(1);
    }
    // The last one answers the requests of 901..999 ms.
    expect(sent).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  it('a clock set back does not hold snapshots until it catches up', () => {
    const { coalescer, sent, setNow } = setup();
    setNow(10_000);
    coalescer.request();
    setNow(0);
    coalescer.request();
    expect(sent).toEqual([10_000, 0]);
  });

  it('after close nothing pending is sent and no timer is left', () => {
    const { coalescer, sent, advance, liveTimers } = setup();
    coalescer.request();
    coalescer.request();
    expect(liveTimers()).toBe(1);
    coalescer.close();
    expect(liveTimers()).toBe(0);
    advance(1_000);
    coalescer.request();
    expect(sent).toEqual([0]);
  });
});
