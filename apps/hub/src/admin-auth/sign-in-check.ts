import type { AuditEntry } from '../audit/audit-log-store.js';
import { accountLocked, badCredentials } from './auth-errors.js';
import { afterFailure, isLocked, type LockoutPolicy, type LockoutState } from './lockout.js';
import { decoyHash, verifySecret } from './password-hash.js';

/** An admin user or a clerk, as far as signing in is concerned. */
export interface SignInAccount extends LockoutState {
  id: number;
  disabledAt: number | null;
}

export interface SignInCheck<A extends SignInAccount> {
  what: 'admin' | 'clerk';
  /** The account the typed name points to (null when unknown) and the secret typed. */
  found: A | null;
  storedHash: string | undefined;
  secret: string;
  byId(id: number): A | null;
  setLockout(id: number, state: LockoutState): void;
  audit: { record(entry: AuditEntry, at?: number): void };
  /** The audit entry of a wrong secret, recorded with the new count. */
  failureEntry(account: A, counted: LockoutState): AuditEntry;
  lockout: LockoutPolicy;
  now(): number;
  timeZone(): string;
  transaction<T>(fn: () => T): T;
}

/**
 * The part of signing in admins and clerks share: the secret is checked (against a
 * decoy for unknown names), disabled and locked accounts are refused, and a wrong
 * secret is counted toward the lockout. Returns the account read after the hash and
 * the time of the check; throws the refusal otherwise.
 */
export async function checkSignIn<A extends SignInAccount>(check: SignInCheck<A>): Promise<{ account: A; now: number }> {
  // Unknown names cost a hash too, so timing does not reveal which names exist.
  const ok = await verifySecret(check.secret, check.storedHash ?? (await decoyHash()));
  const now = check.now();
  const account = check.found ? check.byId(check.found.id) : null;
  if (!account || account.disabledAt !== null) throw badCredentials(check.what);
  if (isLocked(account, now)) throw accountLocked(account.lockedUntil!, check.timeZone());
  if (!ok) {
    // Counted on a fresh read inside the transaction, so concurrent attempts all count.
    const next = check.transaction(() => {
      const counted = afterFailure(check.byId(account.id)!, now, check.lockout);
      check.setLockout(account.id, counted);
      check.audit.record(check.failureEntry(account, counted), now);
      return counted;
    });
    if (isLocked(next, now)) throw accountLocked(next.lockedUntil!, check.timeZone());
    throw badCredentials(check.what);
  }
  return { account, now };
}
