/**
 * Ticket numbers are `XXYYY`: XX = the two-digit prefix (the counter number that
 * serves the service, seed 001), YYY = that prefix's sequence for the day, 001–999.
 */
export const MAX_SEQ = 999;

export interface TicketNumberParts {
  prefix: string;
  seq: number;
}

const PREFIX_RE = /^\d{2}$/;
const NUMBER_RE = /^(\d{2})(\d{3})$/;

export function isValidPrefix(prefix: string): boolean {
  return PREFIX_RE.test(prefix);
}

export function formatTicketNumber(prefix: string, seq: number): string {
  if (!isValidPrefix(prefix)) throw new RangeError(`prefix must be two digits, got "${prefix}"`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new RangeError(`sequence must be an integer 1–${MAX_SEQ}, got ${seq}`);
  }
  return prefix + String(seq).padStart(3, '0');
}

/** Returns null for anything that is not exactly five digits with a sequence 001–999. */
export function parseTicketNumber(text: string): TicketNumberParts | null {
  const match = NUMBER_RE.exec(text);
  if (!match) return null;
  const seq = Number(match[2]);
  if (seq < 1) return null;
  return { prefix: match[1]!, seq };
}
