import type { Catalog, CatalogService } from '@layso/shared';

export interface TransferGroup {
  areaId: string;
  areaName: string;
  services: CatalogService[];
}

/**
 * Services a ticket can be transferred to, grouped by area with the counter's own
 * area first (transfers usually stay on the floor). The ticket's own service and
 * inactive services are left out: the hub would refuse the first, and nobody would
 * call the second.
 */
export function transferTargets(catalog: Catalog, fromServiceId: string, ownAreaId: string | null): TransferGroup[] {
  const groups = catalog.areas
    .map((area) => ({
      areaId: area.id,
      areaName: area.name,
      services: area.services.filter((s) => s.id !== fromServiceId && s.active),
    }))
    .filter((g) => g.services.length > 0);
  return [...groups.filter((g) => g.areaId === ownAreaId), ...groups.filter((g) => g.areaId !== ownAreaId)];
}
