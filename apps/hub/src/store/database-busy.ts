/**
 * SQLite's "database is locked" (SQLITE_BUSY and its extended codes) as better-sqlite3
 * throws it: another connection held the write lock past this one's busy timeout.
 * Nothing was written; the same operation can be tried again.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Runs a write that is only bookkeeping (a last-seen time): a locked database skips it, never fails the caller. */
export function unlessBusy(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (isDatabaseBusy(error)) return false;
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
