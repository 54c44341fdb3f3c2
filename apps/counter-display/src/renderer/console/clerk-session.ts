/**
 * The clerk's name for this console, kept across reloads (a crash reload must not
 * ask the clerk to sign in again mid-service). Without clerks configured at the hub
 * the name is only a label sent as `clerk` with each command; once clerks exist, the
 * clerk signs in with code + PIN and the hub keeps who is signed in (across reloads
 * and hub restarts), recording their code on every ticket.
 */
export const CLERK_STORAGE_KEY = 'layso.counter-display.clerk';
const MAX_NAME = 80;

/** A trimmed name with single spaces, or null when empty or too long. */
export function normalizeClerkName(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  return name.length >= 1 && name.length <= MAX_NAME ? name : null;
}

export function loadClerk(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    const saved = storage.getItem(CLERK_STORAGE_KEY);
    return saved === null ? null : normalizeClerkName(saved);
  } catch {
    return null;
  }
}

export function saveClerk(storage: Pick<Storage, 'setItem' | 'removeItem'>, name: string | null): void {
  try {
    if (name === null) storage.removeItem(CLERK_STORAGE_KEY);
    else storage.setItem(CLERK_STORAGE_KEY, name);
  } catch {
    // No storage (privacy mode): the clerk signs in again after a reload.
  }
}

/** A clerk code as the hub accepts it (letters, digits, . _ -), trimmed; null when not one. */
export function normalizeClerkCode(input: string): string | null {
  const code = input.trim();
  return /^[A-Za-z0-9._-]{1,20}$/.test(code) ? code : null;
}

/** PINs are 4–8 digits; anything else is never sent. */
export function isPinShaped(input: string): boolean {
  return /^\d{4,8}$/.test(input);
}
