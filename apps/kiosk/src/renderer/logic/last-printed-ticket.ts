/**
 * The last ticket this kiosk printed, kept in the page's localStorage so the admin's
 * "reprint the last ticket" still works after the page reloads or the kiosk restarts
 * (Electron keeps the default session's storage in userData). It is tagged with its
 * service day: a ticket of an earlier day is never reprinted as if it were current.
 */
import { z } from 'zod';
import { daySchema, serviceDay } from '@layso/shared';
import type { PrintableTicket } from '../../main/bridge-api.js';
import { printableTicketSchema } from '../../contract/printable-ticket-schema.js';

export const LAST_TICKET_KEY = 'layso.kiosk.lastTicket';

export type LastTicketStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A printed ticket and the service day (`yyyy-MM-dd`, from the hub) it belongs to. */
export interface LastPrinted {
  day: string;
  ticket: PrintableTicket;
}

// The same check main applies before printing: stored text is input like any other.
const lastPrintedSchema = z.strictObject({ day: daySchema, ticket: printableTicketSchema });

/** Best effort: a full or disabled storage only loses the reprint, never the print. */
export function saveLastPrinted(storage: LastTicketStorage | null, last: LastPrinted): void {
  try {
    storage?.setItem(LAST_TICKET_KEY, JSON.stringify(last));
  } catch {
    // Quota or privacy mode: the copy in memory still serves until the next reload.
  }
}

/** What was saved, or null when nothing was or it is unreadable (an old or damaged entry). */
export function loadLastPrinted(storage: LastTicketStorage | null): LastPrinted | null {
  let text: string | null;
  try {
    text = storage?.getItem(LAST_TICKET_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = lastPrintedSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: dropped below like any other unreadable entry.
  }
  forget(storage);
  return null;
}

/**
 * The ticket to reprint at `now` (hub time): the remembered one if it belongs to the
 * current service day in the center's time zone, else null. An earlier day's entry is
 * left in place (a wrong clock must not destroy it); the next print replaces it.
 */
export function reprintableToday(last: LastPrinted | null, now: number, timeZone: string | null): PrintableTicket | null {
  if (!last) return null;
  let today: string | null = null;
  try {
    today = serviceDay(now, timeZone ?? last.ticket.timeZone);
  } catch {
    // A time zone the runtime does not know: the day cannot be told, so no reprint.
  }
  return today !== null && last.day === today ? last.ticket : null;
}

function forget(storage: LastTicketStorage | null): void {
  try {
    storage?.removeItem(LAST_TICKET_KEY);
  } catch {
    // Nothing more to do: the entry is refused on every read anyway.
  }
}
