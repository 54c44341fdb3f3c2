import { centerConfigSchema, type CenterConfig } from '@layso/shared';

const ALL_DAY = [{ open: '00:00', close: '24:00' }];

export const GROWTH_SERVICES = 20;
export const GROWTH_COUNTERS = 30;

export function servicePrefix(index: number): string {
  return String(10 + index);
}

export function serviceId(index: number): string {
  return `dich-vu-${servicePrefix(index)}`;
}

/**
 * Counters serving a service: counter `10+i` is the service's own (its number is the
 * ticket prefix); counters 30–39 each help two services (30 → services 0 and 1, …).
 */
export function countersOf(index: number): number[] {
  return [10 + index, 30 + Math.floor(index / 2)];
}

/**
 * The growth benchmark's center: 20 services over two floors, 30 counters, open around
 * the clock so a run at any hour can issue tickets.
 */
export function growthCenter(): CenterConfig {
  const services = Array.from({ length: GROWTH_SERVICES }, (_, i) => ({ id: serviceId(i), name: `Dịch vụ ${servicePrefix(i)}`, prefix: servicePrefix(i) }));
  return centerConfigSchema.parse({
    name: 'Trung tâm benchmark',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
    priorityPolicy: { policy: 'interleaved', every: 2 },
    priorityCategories: [{ id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' }],
    defaultServiceMinutes: 5,
    areas: [
      { id: 'tang-1', name: 'Tầng 1', services: services.slice(0, 10) },
      { id: 'tang-2', name: 'Tầng 2', services: services.slice(10) },
    ],
    counters: [
      ...services.map((s, i) => ({ number: 10 + i, name: `Quầy ${10 + i}`, areaId: i < 10 ? 'tang-1' : 'tang-2', serviceIds: [s.id] })),
      ...Array.from({ length: GROWTH_COUNTERS - GROWTH_SERVICES }, (_, j) => ({
        number: 30 + j,
        name: `Quầy ${30 + j}`,
        areaId: j < 5 ? 'tang-1' : 'tang-2',
        serviceIds: [services[2 * j]!.id, services[2 * j + 1]!.id],
      })),
    ],
  });
}
