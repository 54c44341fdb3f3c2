import { ErrorCode, type AreaConfig, type AuditAction, type CenterConfig, type CounterConfig, type Refusal, type ServiceConfig } from '@layso/shared';
import { ConfigChangeError } from './config-change-error.js';

/** One admin change applied to the configuration, with what the audit log records. */
export interface ConfigChange {
  config: CenterConfig;
  /** Dotted audit action: `service.update`, `area.delete`, `settings.update`… */
  action: AuditAction;
  /** What it was done to: `service:tu-phap`, `counter:5`, `center`. */
  target: string;
  before: unknown;
  after: unknown;
  /** A counter got a new number: its devices and signed-in clerk follow it in the same transaction. */
  renumber?: { from: number; to: number };
}

export interface ServiceLocation {
  area: AreaConfig;
  areaIndex: number;
  service: ServiceConfig;
  serviceIndex: number;
}

export function findService(config: CenterConfig, id: string): ServiceLocation | null {
  for (const [areaIndex, area] of config.areas.entries()) {
    const serviceIndex = area.services.findIndex((s) => s.id === id);
    if (serviceIndex >= 0) return { area, areaIndex, service: area.services[serviceIndex]!, serviceIndex };
  }
  return null;
}

export function requireService(config: CenterConfig, id: string): ServiceLocation {
  const found = findService(config, id);
  if (!found) throw new ConfigChangeError(ErrorCode.NOT_FOUND, `Không có lĩnh vực "${id}" / unknown service "${id}"`, { kind: 'service-unknown', serviceId: id });
  return found;
}

export function requireArea(config: CenterConfig, id: string): AreaConfig {
  const area = config.areas.find((a) => a.id === id);
  if (!area) throw new ConfigChangeError(ErrorCode.NOT_FOUND, `Không có khu vực "${id}" / unknown area "${id}"`, { kind: 'area-unknown', areaId: id });
  return area;
}

export function requireCounter(config: CenterConfig, number: number): CounterConfig {
  const counter = config.counters.find((c) => c.number === number);
  if (!counter) throw new ConfigChangeError(ErrorCode.NOT_FOUND, `Không có quầy ${number} / unknown counter ${number}`, { kind: 'counter-unknown', counter: number });
  return counter;
}

/** A reference inside a request body to something that does not exist: the body is wrong, not the URL. */
export function unknownReference(path: string, vi: string, en: string, reason: Refusal): ConfigChangeError {
  const message = `${vi} / ${en}`;
  return new ConfigChangeError(ErrorCode.VALIDATION, message, reason, [{ path, message, rule: 'unknown-reference', reason }]);
}

/** Refuses a prefix another service already uses, naming that service. */
export function assertPrefixFree(config: CenterConfig, prefix: string, exceptServiceId: string | null): void {
  for (const area of config.areas) {
    const owner = area.services.find((s) => s.prefix === prefix && s.id !== exceptServiceId);
    if (owner) {
      const message = `Hai số đầu ${prefix} đã dùng cho lĩnh vực "${owner.name}" / prefix ${prefix} is already used by service "${owner.id}"`;
      const reason: Refusal = { kind: 'prefix-taken', prefix, serviceId: owner.id, serviceName: owner.name };
      throw new ConfigChangeError(ErrorCode.CONFLICT, message, reason, [{ path: 'prefix', message, rule: 'other', reason }]);
    }
  }
}

/**
 * Applies an update body to an object: `undefined` keeps a field, `null` removes an
 * optional one, anything else replaces it.
 */
export function patch<T extends object>(current: T, changes: { [K in keyof T]?: T[K] | null }): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/** The subset of `after`'s fields that differ from `before`, each side: what the audit log shows. */
export function changedFields(before: object, after: object): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of keys) {
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    diff.before[key] = b[key] ?? null;
    diff.after[key] = a[key] ?? null;
  }
  return diff;
}
