import { centerConfigSchema, type CenterConfig, type CenterConfigInput } from '@layso/shared';

/**
 * The 20-service, 30-counter center of the scale tests: the growth benchmark (open
 * around the clock) and the seeded year of reports (office hours) share it.
 */
export const SEED_SERVICES = 20;
export const SEED_COUNTERS = 30;

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

export function seedCenter(options: { name: string; openingHours: CenterConfigInput['openingHours'] }): CenterConfig {
  const services = Array.from({ length: SEED_SERVICES }, (_, i) => ({ id: serviceId(i), name: `Dịch vụ ${servicePrefix(i)}`, prefix: servicePrefix(i) }));
  return centerConfigSchema.parse({
    name: options.name,
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: options.openingHours,
    priorityPolicy: { policy: 'interleaved', every: 2 },
    priorityCategories: [{ id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' }],
    defaultServiceMinutes: 5,
    areas: [
      { id: 'tang-1', name: 'Tầng 1', services: services.slice(0, 10) },
      { id: 'tang-2', name: 'Tầng 2', services: services.slice(10) },
    ],
    counters: [
      ...services.map((s, i) => ({ number: 10 + i, name: `Quầy ${10 + i}`, areaId: i < 10 ? 'tang-1' : 'tang-2', serviceIds: [s.id] })),
      ...Array.from({ length: SEED_COUNTERS - SEED_SERVICES }, (_, j) => ({
        number: 30 + j,
        name: `Quầy ${30 + j}`,
        areaId: j < 5 ? 'tang-1' : 'tang-2',
        serviceIds: [services[2 * j]!.id, services[2 * j + 1]!.id],
      })),
    ],
  } satisfies CenterConfigInput);
}

const WORKDAY = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

/** The seeded year's center: weekdays with a lunch break, Saturday morning, Sunday closed. */
export function yearCenter(): CenterConfig {
  return seedCenter({
    name: 'Trung tâm Phục vụ hành chính công (dữ liệu mẫu một năm)',
    openingHours: { sun: [], mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: [{ open: '07:30', close: '11:30' }] },
  });
}
