import { ErrorCode, type AdminAreaCreateRequest, type AdminAreaUpdateRequest, type AreaConfig, type CenterConfig } from '@layso/shared';
import { ConfigChangeError } from './config-change-error.js';
import { patch, requireArea, type ConfigChange } from './config-change.js';
import { assertCountersKeepServices, assertNoUnfinishedTickets } from './service-changes.js';
import type { TodayUsage } from './today-usage.js';
import { validateCenterConfig } from './validate-config.js';

/** Adds an empty area at the end (kiosks skip areas without services). */
export function createArea(config: CenterConfig, request: AdminAreaCreateRequest): ConfigChange {
  if (config.areas.some((a) => a.id === request.id)) {
    throw new ConfigChangeError(ErrorCode.CONFLICT, `Khu vực "${request.id}" đã có / area "${request.id}" already exists`, {
      kind: 'area-exists',
      areaId: request.id,
    });
  }
  const area = { ...request, services: [] };
  const next = validateCenterConfig({ ...config, areas: [...config.areas, area] });
  return { config: next, action: 'area.create', target: `area:${request.id}`, before: null, after: withoutServices(next.areas.at(-1)!) };
}

/** Renames an area; its id stays (board URLs and counters refer to it). */
export function updateArea(config: CenterConfig, id: string, request: AdminAreaUpdateRequest): ConfigChange {
  const area = requireArea(config, id);
  const updated = patch<AreaConfig>(area, request);
  const next = validateCenterConfig({ ...config, areas: config.areas.map((a) => (a.id === id ? updated : a)) });
  return { config: next, action: 'area.update', target: `area:${id}`, before: withoutServices(area), after: withoutServices(updated) };
}

/**
 * Removes an area with its services. Refused while counters still belong to it,
 * while any of its services has tickets in today's queue, or when it is the last area.
 */
export function deleteArea(config: CenterConfig, id: string, usage: TodayUsage): ConfigChange {
  const area = requireArea(config, id);
  if (config.areas.length === 1) {
    throw new ConfigChangeError(ErrorCode.CONFLICT, `Trung tâm phải có ít nhất một khu vực / the center needs at least one area`, { kind: 'last-area' });
  }
  const counters = config.counters.filter((c) => c.areaId === id).map((c) => c.number);
  if (counters.length > 0) {
    const list = counters.join(', ');
    throw new ConfigChangeError(
      ErrorCode.CONFLICT,
      `Khu vực "${area.name}" còn quầy ${list}; hãy chuyển hoặc xoá các quầy trước / area "${id}" still has counter(s) ${list}; move or delete them first`,
      { kind: 'area-has-counters', areaId: id, areaName: area.name, counters },
    );
  }
  for (const service of area.services) assertNoUnfinishedTickets(service, usage);
  const removed = new Set(area.services.map((s) => s.id));
  const remaining = config.counters.map((c) => ({ ...c, serviceIds: c.serviceIds.filter((s) => !removed.has(s)) }));
  assertCountersKeepServices(remaining, `lĩnh vực của khu vực "${area.name}"`, `the services of area "${id}"`);
  const next = validateCenterConfig({ ...config, areas: config.areas.filter((a) => a.id !== id), counters: remaining });
  return { config: next, action: 'area.delete', target: `area:${id}`, before: area, after: null };
}

function withoutServices(area: AreaConfig): Omit<AreaConfig, 'services'> & { services: string[] } {
  return { ...area, services: area.services.map((s) => s.id) };
}
