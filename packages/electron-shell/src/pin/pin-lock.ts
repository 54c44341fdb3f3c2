/**
 * Wrong settings PINs lock the settings screen, and the lock survives restarts (which
 * the hub, a power cut or a kick at the plug can cause): the count and the lock are
 * kept in a small store (a file in userData), and each lock lasts twice the one before
 * (60 s, 2 min, 4 min, … up to a day) until the right PIN is typed. A 4-digit PIN would
 * otherwise fall to anyone patient at a hall TV with a keyboard.
 */
import { readJsonFile } from '../files/json-file.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';

export interface PinLockState {
  /** Wrong tries since the last lock (or the last right PIN). */
  failures: number;
  /** Locks so far since the last right PIN: the next one lasts baseLockMs × 2^rounds. */
  rounds: number;
  /** Epoch ms; 0 when not locked. */
  lockedUntil: number;
}

export interface PinLockStore {
  load(): PinLockState | null;
  save(state: PinLockState): void;
}

export interface PinFailure {
  /** Wrong tries in the current round, after this one. */
  failures: number;
  /** Set when this try started a lock. */
  lockedForMs: number;
}

export interface PinLockOptions {
  store?: PinLockStore;
  maxFailures?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  now?: () => number;
  /** Each wrong try (for the hub's audit log). */
  onFailure?(failure: PinFailure): void;
}

export interface PinLock {
  /** Milliseconds left of a lock, 0 when a PIN may be tried. */
  lockedForMs(): number;
  recordFailure(): PinFailure;
  recordSuccess(): void;
}

const EMPTY: PinLockState = { failures: 0, rounds: 0, lockedUntil: 0 };

function isState(value: unknown): value is PinLockState {
  if (typeof value !== 'object' || value === null) return false;
  const { failures, rounds, lockedUntil } = value as Record<string, unknown>;
  return [failures, rounds, lockedUntil].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0);
}

/** A JSON file; an unreadable or tampered file counts as "locked for one base round" rather than "no lock". */
export function pinLockFile(path: string): PinLockStore {
  return {
    load() {
      const read = readJsonFile(path);
      if (read.status === 'missing' || read.status === 'unreadable') return null;
      if (read.status === 'ok' && isState(read.json)) return read.json;
      return { failures: 0, rounds: 1, lockedUntil: Number.MAX_SAFE_INTEGER };
    },
    save(state) {
      writeFileAtomic(path, JSON.stringify(state));
    },
  };
}

export function memoryPinLockStore(initial: PinLockState | null = null): PinLockStore & { state: PinLockState | null } {
  const store = {
    state: initial,
    load: () => store.state,
    save: (state: PinLockState) => {
      store.state = { ...state };
    },
  };
  return store;
}

export function createPinLock(options: PinLockOptions = {}): PinLock {
  const store = options.store ?? memoryPinLockStore();
  const maxFailures = options.maxFailures ?? 5;
  const baseLockMs = options.baseLockMs ?? 60_000;
  const maxLockMs = options.maxLockMs ?? 24 * 60 * 60_000;
  const now = options.now ?? Date.now;
  let state: PinLockState = { ...(store.load() ?? EMPTY) };
  // A broken file's "locked forever" becomes one base lock from now.
  if (state.lockedUntil === Number.MAX_SAFE_INTEGER) state = { ...state, lockedUntil: now() + baseLockMs };

  const persist = () => {
    try {
      store.save(state);
    } catch {
      // A full or read-only disk must not open the screen: the lock still holds in memory.
    }
  };

  return {
    lockedForMs: () => Math.max(0, state.lockedUntil - now()),
    recordFailure() {
      let lockedForMs = 0;
      const failures = state.failures + 1;
      if (failures >= maxFailures) {
        lockedForMs = Math.min(maxLockMs, baseLockMs * 2 ** Math.min(state.rounds, 30));
        state = { failures: 0, rounds: state.rounds + 1, lockedUntil: now() + lockedForMs };
      } else {
        state = { ...state, failures };
      }
      persist();
      const failure = { failures, lockedForMs };
      try {
        options.onFailure?.(failure);
      } catch {
        // Reporting is best effort.
      }
      return failure;
    },
    recordSuccess() {
      state = { ...EMPTY };
      persist();
    },
  };
}
