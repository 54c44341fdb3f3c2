import type { Catalog } from '@layso/shared';

/**
 * A fingerprint of what in the hub's state touches this counter's queue: its own
 * status and number, and the current number and waiting count of each of its
 * services. connectHub hands over whole states, not events; when this string
 * changes, a queue:changed or counter:changed that matters to this counter arrived
 * (or a fresh snapshot differs) and the console fetches GET /queue again.
 */
export function queueSignature(catalog: Catalog, counter: number): string {
  const entry = catalog.counters.find((c) => c.number === counter);
  if (!entry) return `${catalog.day}|no-counter`;
  const mine = new Set(entry.serviceIds);
  const services = catalog.areas
    .flatMap((a) => a.services)
    .filter((s) => mine.has(s.id))
    .map((s) => `${s.id}:${s.current ?? '-'}:${s.waiting}`);
  return [catalog.day, entry.status, entry.current ?? '-', ...services].join('|');
}
