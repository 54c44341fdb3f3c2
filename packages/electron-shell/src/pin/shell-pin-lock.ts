/**
 * The settings screen's wrong-PIN lock as both shells keep it: in the app's userData
 * folder (so it survives restarts), each wrong PIN reported to the configured hub's
 * audit log, best effort (pin-failure-report.ts).
 */
import { join } from 'node:path';
import { reportPinFailure, type PinFailureTarget } from './pin-failure-report.js';
import { createPinLock, pinLockFile, type PinLock } from './pin-lock.js';

export const PIN_LOCK_FILE_NAME = 'pin-lock.json';

export interface ShellPinLockOptions {
  /** app.getPath('userData'). */
  userDataDir: string;
  /** Where to report a wrong PIN: the current settings (hub URL and device token), or null. */
  hub: () => PinFailureTarget | null;
  log?: (message: string) => void;
  fetch?: typeof fetch;
}

export function shellPinLock({ userDataDir, hub, log = () => {}, fetch }: ShellPinLockOptions): PinLock {
  return createPinLock({
    store: pinLockFile(join(userDataDir, PIN_LOCK_FILE_NAME)),
    onFailure: (failure) => void reportPinFailure(hub(), failure, { log, ...(fetch ? { fetch } : {}) }),
  });
}
