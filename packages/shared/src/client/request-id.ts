/** Unique per tap: a retry of the same tap reuses it, so it can never issue twice. */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}
