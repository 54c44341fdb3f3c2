import type { AreaConfig, CenterConfig, CounterConfig, ServiceConfig } from '@layso/shared';

export interface ServiceEntry extends ServiceConfig {
  areaId: string;
}

/** Lookup tables derived once from a validated config. */
export interface CenterModel {
  config: CenterConfig;
  services: Map<string, ServiceEntry>;
  areas: Map<string, AreaConfig>;
  counters: Map<number, CounterConfig>;
  /** Counter numbers serving each service, in config order. */
  countersByService: Map<string, number[]>;
  priorityIds: Set<string>;
}

export function buildCenterModel(config: CenterConfig): CenterModel {
  const services = new Map<string, ServiceEntry>();
  const areas = new Map<string, AreaConfig>();
  for (const area of config.areas) {
    areas.set(area.id, area);
    for (const service of area.services) services.set(service.id, { ...service, areaId: area.id });
  }
  const counters = new Map<number, CounterConfig>();
  const countersByService = new Map<string, number[]>();
  for (const counter of config.counters) {
    counters.set(counter.number, counter);
    for (const serviceId of counter.serviceIds) {
      const list = countersByService.get(serviceId) ?? [];
      list.push(counter.number);
      countersByService.set(serviceId, list);
    }
  }
  return {
    config,
    services,
    areas,
    counters,
    countersByService,
    priorityIds: new Set(config.priorityCategories.map((c) => c.id)),
  };
}

export function counterDisplayName(counter: CounterConfig): string {
  return counter.name ?? `Quầy ${counter.number}`;
}
