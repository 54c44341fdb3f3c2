/**
 * The rate screen learns that a ticket was finished at its counter from the counter's
 * "current" number in the hub's state: when it changes from X to anything else, X
 * was completed ("Hoàn thành", or "Gọi số tiếp", which completes it) or skipped or
 * transferred; the ticket's public status tells which, and only "done" is rated.
 * Returns the number that just left the counter, or null.
 */
export function leftCounter(previous: string | null | undefined, current: string | null): string | null {
  return previous !== undefined && previous !== null && previous !== current ? previous : null;
}
