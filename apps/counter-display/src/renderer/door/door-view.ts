import type { Catalog } from '@layso/shared';

export interface DoorView {
  counter: number;
  /** The counter's own name when it says more than "Quầy N" (e.g. "Quầy hỗ trợ"). */
  extraName: string | null;
  services: string[];
  mode: 'serving' | 'idle' | 'paused';
  current: string | null;
}

/** What the screen above counter `counter` shows, from the hub's catalog; null if no such counter. */
export function doorView(catalog: Catalog, counter: number): DoorView | null {
  const entry = catalog.counters.find((c) => c.number === counter);
  if (!entry) return null;
  const names = new Map(catalog.areas.flatMap((a) => a.services.map((s) => [s.id, s.name] as const)));
  const plainName = new RegExp(`^(Quầy|Quầy số)\\s*${counter}$`, 'i');
  return {
    counter,
    extraName: plainName.test(entry.name.trim()) ? null : entry.name,
    services: entry.serviceIds.map((id) => names.get(id) ?? id),
    mode: entry.status === 'paused' ? 'paused' : entry.current ? 'serving' : 'idle',
    current: entry.status === 'paused' ? null : entry.current,
  };
}
