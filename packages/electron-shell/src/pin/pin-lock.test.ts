import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPinLock, pinLockFile, type PinFailure } from './pin-lock.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function lockFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'layso-pin-lock-'));
  dirs.push(dir);
  return join(dir, 'pin-lock.json');
}

describe('persisted PIN lock', () => {
  it('keeps the count and the lock across a restart', () => {
    const file = lockFile();
    let now = 1_000_000;
    const first = createPinLock({ store: pinLockFile(file), now: () => now });
    for (let i = 0; i < 4; i++) first.recordFailure();
    expect(first.lockedForMs()).toBe(0);
    // The app restarts: one more wrong PIN locks it, the count was kept.
    const second = createPinLock({ store: pinLockFile(file), now: () => now });
    expect(second.recordFailure()).toEqual({ failures: 5, lockedForMs: 60_000 });
    now += 10_000;
    const third = createPinLock({ store: pinLockFile(file), now: () => now });
    expect(third.lockedForMs()).toBe(50_000);
  });

  it('doubles the lock each round until the right PIN', () => {
    let now = 0;
    const failures: PinFailure[] = [];
    const lock = createPinLock({ now: () => now, onFailure: (f) => failures.push(f) });
    const round = () => {
      for (let i = 0; i < 5; i++) lock.recordFailure();
      const ms = lock.lockedForMs();
      now += ms;
      return ms;
    };
    expect([round(), round(), round()]).toEqual([60_000, 120_000, 240_000]);
    expect(failures).toHaveLength(15);
    expect(failures.filter((f) => f.lockedForMs > 0).map((f) => f.lockedForMs)).toEqual([60_000, 120_000, 240_000]);
    lock.recordSuccess();
    expect(round()).toBe(60_000);
  });

  it('caps the lock at a day', () => {
    let now = 0;
    const lock = createPinLock({ now: () => now });
    let last = 0;
    for (let r = 0; r < 15; r++) {
      for (let i = 0; i < 5; i++) lock.recordFailure();
      last = lock.lockedForMs();
      now += last;
    }
    expect(last).toBe(24 * 60 * 60_000);
  });

  it('treats a tampered file as locked, not as a fresh start', () => {
    const file = lockFile();
    writeFileSync(file, '{"failures":0,"rounds":0,"lockedUntil":"never"}');
    const lock = createPinLock({ store: pinLockFile(file), now: () => 5_000 });
    expect(lock.lockedForMs()).toBe(60_000);
  });
});
