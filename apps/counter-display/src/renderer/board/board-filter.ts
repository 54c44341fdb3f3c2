import type { Catalog, CatalogCounter, RecentCall } from '@layso/shared';

/**
 * Which counters and calls a board shows. Several boards hang in one building, one
 * per floor: each shows (and announces) only the calls of its own area(s), so a
 * citizen on floor 1 never walks up to floor 3 for a number called there.
 */
export function areaFilter(areas: readonly string[]): (areaId: string) => boolean {
  if (areas.length === 0) return () => true;
  const wanted = new Set(areas);
  return (areaId) => wanted.has(areaId);
}

/** The board's counters, in counter-number order. */
export function boardCounters(catalog: Catalog, areas: readonly string[]): CatalogCounter[] {
  const inArea = areaFilter(areas);
  return catalog.counters.filter((c) => inArea(c.areaId)).sort((a, b) => a.number - b.number);
}

/**
 * The board's last calls, newest first, each ticket once at its latest call. A recall
 * moves the number to the top; a transferred ticket called at its new counter
 * replaces its old line (86004 → 86, then → 87 shows only → 87): the list tells
 * citizens where to go, and one number has one place. The hub's list already holds
 * each ticket once (addRecentCall); this also holds for an older hub's list.
 */
export function boardCalls(calls: readonly RecentCall[], areas: readonly string[], limit: number): RecentCall[] {
  const inArea = areaFilter(areas);
  const seen = new Set<string>();
  const result: RecentCall[] = [];
  for (const call of calls) {
    if (!inArea(call.areaId)) continue;
    if (seen.has(call.number)) continue;
    seen.add(call.number);
    result.push(call);
    if (result.length === limit) break;
  }
  return result;
}

/** Area ids asked for in the URL that the center does not have (a typo in ?area=). */
export function unknownAreaIds(catalog: Catalog, areas: readonly string[]): string[] {
  const known = new Set(catalog.areas.map((a) => a.id));
  return areas.filter((a) => !known.has(a));
}

/** Names of the board's areas for its header; empty when the board shows every area. */
export function areaNames(catalog: Catalog, areas: readonly string[]): string[] {
  return areas.flatMap((id) => catalog.areas.find((a) => a.id === id)?.name ?? []);
}

/** service id → name, for the lines under each counter. */
export function serviceNames(catalog: Catalog): Map<string, string> {
  return new Map(catalog.areas.flatMap((a) => a.services.map((s) => [s.id, s.name] as const)));
}

/** Identity of one call event (a recall is a new event for the same number). */
export function callKey(call: RecentCall): string {
  return `${call.number}@${call.counter}@${call.at}@${call.recall ? 'r' : 'c'}`;
}
