/**
 * The clerk's name for this console, kept across reloads (a crash reload must not
 * ask the clerk to sign in again mid-service). Until the admin issue brings PINs,
 * the name is only a label sent as `clerk` with each command.
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
