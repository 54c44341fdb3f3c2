import type { StorageFault } from '../queue/storage-fault.js';

/**
 * SQLite's "database is locked" (SQLITE_BUSY and its extended codes) as better-sqlite3
 * throws it: another connection held the write lock past this one's busy timeout.
 * Nothing was written; the same operation can be tried again.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Why storage refused a write: the disk (or the file system's quota) is full, or the disk failed a read or write. */
export type StorageProblem = 'full' | 'io-error';

/**
 * SQLITE_FULL (no space left: SQLite maps ENOSPC to it) and SQLITE_IOERR with its
 * extended codes (a failed write, fsync or -shm growth, which a full disk also causes)
 * as better-sqlite3 throws them. The transaction was rolled back: nothing was written.
 */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_IOERR')) return 'io-error';
  return null;
}

/** Busy or a storage problem, for the transports' error mapping (the StorageFaultOf port). */
export function storageFaultOf(error: unknown): StorageFault | null {
  return isDatabaseBusy(error) ? 'busy' : storageProblemOf(error);
}

/**
 * Runs a write that is only bookkeeping (a device's or session's last-seen time, also
 * written during a socket handshake and on every authenticated read): a locked
 * database, a full disk or a disk error skips it and never fails the caller, so reads
 * and screens keep working while writes cannot.
 */
export function unlessBusy(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (isDatabaseBusy(error) || storageProblemOf(error) !== null) return false;
    throw error;
  }
}

/**
 * How long the hub's connection waits for a write lock another connection holds (the
 * report worker saving a day, a `layso` shell command). better-sqlite3 waits on the
 * hub's only thread, so every screen and kiosk stands still meanwhile: wait briefly,
 * then answer 503 BUSY (nothing written) and let the client retry. Those writers hold
 * the lock for milliseconds; shell tools keep SQLite's usual 5 s.
 */
export const HUB_BUSY_TIMEOUT_MS = 500;
