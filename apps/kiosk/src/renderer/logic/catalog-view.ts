/**
 * Read-only helpers over the catalog the hub pushed: names in the chosen language,
 * lookups, and whether a service can take a ticket now. Nothing here computes queue
 * state; it only reads the flags the hub sends.
 */
import type { Catalog, CatalogArea, CatalogService, Language } from '@layso/shared';

export function localName(item: { name: string; nameEn?: string | undefined }, language: Language): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}

export function findArea(catalog: Catalog, areaId: string): CatalogArea | undefined {
  return catalog.areas.find((a) => a.id === areaId);
}

export function findService(catalog: Catalog, serviceId: string): { area: CatalogArea; service: CatalogService } | undefined {
  for (const area of catalog.areas) {
    const service = area.services.find((s) => s.id === serviceId);
    if (service) return { area, service };
  }
  return undefined;
}

/**
 * An area's services in counter order (Quầy 11, 12, 13, …). The catalog keeps the
 * order the services were created in, which the admin cannot change and which reads
 * as random once the kiosk lays the list out in 1 to 4 columns; counter numbers are
 * what the hall's signs show, and are unique (one prefix per service).
 */
export function servicesInOrder(area: CatalogArea): CatalogService[] {
  return [...area.services].sort((a, b) => counterNumberOf(a) - counterNumberOf(b));
}

export type Availability = 'available' | 'full' | 'inactive' | 'paused';

export function availabilityOf(service: CatalogService): Availability {
  if (!service.active) return 'inactive';
  // Paused by an admin for a while ("Tạm dừng"); shown greyed, never chosen.
  if (service.paused) return 'paused';
  if (service.full) return 'full';
  return 'available';
}

/** The counter that serves a service: `XX` of its numbers (DESIGN §1). */
export function counterNumberOf(service: Pick<CatalogService, 'prefix'>): number {
  return Number(service.prefix);
}

export function priorityName(catalog: Catalog, priorityId: string | null, language: Language): string | null {
  if (priorityId === null) return null;
  const category = catalog.priorityCategories.find((c) => c.id === priorityId);
  return category ? localName(category, language) : null;
}
