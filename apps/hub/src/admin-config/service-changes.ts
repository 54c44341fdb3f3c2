import {
  ErrorCode,
  type AdminServiceCreateRequest,
  type AdminServiceUpdateRequest,
  type CenterConfig,
  type ServiceConfig,
} from '@layso/shared';
import { ConfigChangeError } from './config-change-error.js';
import { assertPrefixFree, findService, patch, requireService, unknownReference, type ConfigChange } from './config-change.js';
import type { TodayUsage } from './today-usage.js';
import { validateCenterConfig } from './validate-config.js';

/** Adds a service at the end of its area. */
export function createService(config: CenterConfig, request: AdminServiceCreateRequest): ConfigChange {
  const { areaId, ...fields } = request;
  if (!config.areas.some((a) => a.id === areaId)) throw unknownReference('areaId', `Không có khu vực "${areaId}"`, `unknown area "${areaId}"`, { kind: 'area-unknown', areaId });
  if (findService(config, fields.id)) {
    throw new ConfigChangeError(ErrorCode.CONFLICT, `Mã lĩnh vực "${fields.id}" đã có / service id "${fields.id}" already exists`, {
      kind: 'service-exists',
      serviceId: fields.id,
    });
  }
  assertPrefixFree(config, fields.prefix, null);
  const next = validateCenterConfig({
    ...config,
    areas: config.areas.map((a) => (a.id === areaId ? { ...a, services: [...a.services, fields] } : a)),
  });
  const created = findService(next, fields.id)!.service;
  return { config: next, action: 'service.create', target: `service:${created.id}`, before: null, after: { areaId, ...created } };
}

/**
 * Changes a service; a new `areaId` moves it to the end of that area. A new prefix
 * only affects numbers issued from now on: sequences are kept per day and prefix,
 * so today's tickets keep their numbers and a prefix reused later the same day
 * continues where it stopped (never a duplicate number).
 */
export function updateService(config: CenterConfig, id: string, request: AdminServiceUpdateRequest): ConfigChange {
  const { area, service } = requireService(config, id);
  const { areaId = area.id, ...fields } = request;
  if (!config.areas.some((a) => a.id === areaId)) throw unknownReference('areaId', `Không có khu vực "${areaId}"`, `unknown area "${areaId}"`, { kind: 'area-unknown', areaId });
  if (fields.prefix !== undefined) assertPrefixFree(config, fields.prefix, id);
  const updated = patch<ServiceConfig>(service, fields);
  const areas = config.areas.map((a) => {
    if (a.id === area.id && a.id === areaId) return { ...a, services: a.services.map((s) => (s.id === id ? updated : s)) };
    if (a.id === area.id) return { ...a, services: a.services.filter((s) => s.id !== id) };
    if (a.id === areaId) return { ...a, services: [...a.services, updated] };
    return a;
  });
  const next = validateCenterConfig({ ...config, areas });
  return {
    config: next,
    action: 'service.update',
    target: `service:${id}`,
    before: { areaId: area.id, ...service },
    after: { areaId, ...findService(next, id)!.service },
  };
}

/**
 * Removes a service and takes it off every counter. Refused while today's queue
 * still holds its tickets (pausing or deactivating it is the way to stop new ones),
 * or when a counter would be left with nothing to serve.
 */
export function deleteService(config: CenterConfig, id: string, usage: TodayUsage): ConfigChange {
  const { area, service } = requireService(config, id);
  assertNoUnfinishedTickets(service, usage);
  const counters = config.counters.map((c) => ({ ...c, serviceIds: c.serviceIds.filter((s) => s !== id) }));
  assertCountersKeepServices(counters, `lĩnh vực "${service.name}"`, `service "${id}"`);
  const next = validateCenterConfig({
    ...config,
    areas: config.areas.map((a) => (a.id === area.id ? { ...a, services: a.services.filter((s) => s.id !== id) } : a)),
    counters,
  });
  return { config: next, action: 'service.delete', target: `service:${id}`, before: { areaId: area.id, ...service }, after: null };
}

/** Pauses or resumes taking new tickets for a service; waiting tickets are still called. */
export function setServicePaused(config: CenterConfig, id: string, paused: boolean): ConfigChange {
  const { service } = requireService(config, id);
  const updated = patch<ServiceConfig>(service, { paused: paused ? true : null });
  const next = validateCenterConfig({
    ...config,
    areas: config.areas.map((a) => ({ ...a, services: a.services.map((s) => (s.id === id ? updated : s)) })),
  });
  return {
    config: next,
    action: paused ? 'service.pause' : 'service.resume',
    target: `service:${id}`,
    before: { paused: service.paused === true },
    after: { paused },
  };
}

export function assertNoUnfinishedTickets(service: ServiceConfig, usage: TodayUsage): void {
  const unfinished = usage.unfinishedTickets(service.id);
  if (unfinished === 0) return;
  throw new ConfigChangeError(
    ErrorCode.CONFLICT,
    `Lĩnh vực "${service.name}" còn ${unfinished} số chưa phục vụ xong hôm nay; hãy tạm dừng hoặc ngừng hoạt động thay vì xoá` +
      ` / service "${service.id}" still has ${unfinished} unfinished ticket(s) today; pause or deactivate it instead of deleting`,
    { kind: 'service-has-tickets', serviceId: service.id, serviceName: service.name, unfinished },
  );
}

/** A counter must serve at least one service: removing its last one is refused with its number. */
export function assertCountersKeepServices(counters: readonly { number: number; serviceIds: readonly string[] }[], whatVi: string, whatEn: string): void {
  const emptied = counters.filter((c) => c.serviceIds.length === 0).map((c) => c.number);
  if (emptied.length === 0) return;
  const list = emptied.join(', ');
  throw new ConfigChangeError(
    ErrorCode.CONFLICT,
    `Quầy ${list} chỉ phục vụ ${whatVi}; hãy chọn lĩnh vực khác cho quầy trước` +
      ` / counter ${list} would serve no service without ${whatEn} (a counter must serve at least one service); give it another service first`,
    { kind: 'counters-left-without-service', counters: emptied },
  );
}
