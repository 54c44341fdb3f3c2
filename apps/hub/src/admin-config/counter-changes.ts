import {
  ErrorCode,
  type AdminCounterCreateRequest,
  type AdminCounterUpdateRequest,
  type CenterConfig,
  type CounterConfig,
} from '@layso/shared';
import { ConfigChangeError } from './config-change-error.js';
import { findService, patch, requireCounter, unknownReference, type ConfigChange } from './config-change.js';
import type { TodayUsage } from './today-usage.js';
import { validateCenterConfig } from './validate-config.js';

/** Adds a counter; the order of `serviceIds` is the order it calls them in. */
export function createCounter(config: CenterConfig, request: AdminCounterCreateRequest): ConfigChange {
  if (config.counters.some((c) => c.number === request.number)) {
    throw new ConfigChangeError(ErrorCode.CONFLICT, `Quầy ${request.number} đã có / counter ${request.number} already exists`, {
      kind: 'counter-exists',
      counter: request.number,
    });
  }
  const counter: CounterConfig = { ...request };
  assertReferences(config, counter);
  const next = validateCenterConfig({ ...config, counters: [...config.counters, counter] });
  return { config: next, action: 'counter.create', target: `counter:${counter.number}`, before: null, after: counter };
}

/** Renames, moves, renumbers a counter or changes its services. Renumbering waits until it serves nobody. */
export function updateCounter(config: CenterConfig, number: number, request: AdminCounterUpdateRequest, usage: TodayUsage): ConfigChange {
  const counter = requireCounter(config, number);
  const updated = patch<CounterConfig>(counter, request);
  if (updated.number !== number) {
    if (config.counters.some((c) => c.number === updated.number)) {
      throw new ConfigChangeError(ErrorCode.CONFLICT, `Quầy ${updated.number} đã có / counter ${updated.number} already exists`, {
        kind: 'counter-exists',
        counter: updated.number,
      });
    }
    assertNotServing(number, usage, 'đổi số', 'renumbering', 'renumber');
  }
  assertReferences(config, updated);
  const next = validateCenterConfig({ ...config, counters: config.counters.map((c) => (c.number === number ? updated : c)) });
  const change: ConfigChange = { config: next, action: 'counter.update', target: `counter:${number}`, before: counter, after: updated };
  return updated.number === number ? change : { ...change, renumber: { from: number, to: updated.number } };
}

/** Removes a counter; refused while it serves a ticket (finish it or pause the counter first). */
export function deleteCounter(config: CenterConfig, number: number, usage: TodayUsage): ConfigChange {
  const counter = requireCounter(config, number);
  assertNotServing(number, usage, 'xoá', 'deleting', 'delete');
  const next = validateCenterConfig({ ...config, counters: config.counters.filter((c) => c.number !== number) });
  return { config: next, action: 'counter.delete', target: `counter:${number}`, before: counter, after: null };
}

function assertNotServing(number: number, usage: TodayUsage, verbVi: string, verbEn: string, change: 'delete' | 'renumber'): void {
  const serving = usage.servingTicket(number);
  if (serving === null) return;
  throw new ConfigChangeError(
    ErrorCode.CONFLICT,
    `Quầy ${number} đang phục vụ số ${serving}; hãy hoàn thành số này trước khi ${verbVi} quầy` +
      ` / counter ${number} is serving ${serving}; finish it before ${verbEn} the counter`,
    { kind: 'counter-serving', counter: number, ticket: serving, change },
  );
}

/** The counter's area and services must exist, each service listed once. */
function assertReferences(config: CenterConfig, counter: CounterConfig): void {
  if (!config.areas.some((a) => a.id === counter.areaId)) {
    throw unknownReference('areaId', `Không có khu vực "${counter.areaId}"`, `unknown area "${counter.areaId}"`, { kind: 'area-unknown', areaId: counter.areaId });
  }
  const seen = new Set<string>();
  counter.serviceIds.forEach((id, i) => {
    if (!findService(config, id)) throw unknownReference(`serviceIds.${i}`, `Không có lĩnh vực "${id}"`, `unknown service "${id}"`, { kind: 'service-unknown', serviceId: id });
    if (seen.has(id)) throw unknownReference(`serviceIds.${i}`, `Lĩnh vực "${id}" được chọn hai lần`, `service "${id}" is listed twice`, { kind: 'service-listed-twice', serviceId: id });
    seen.add(id);
  });
}
