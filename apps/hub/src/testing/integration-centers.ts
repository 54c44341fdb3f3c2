import { centerConfigSchema, WEEKDAY_KEYS, type CenterConfig, type OpeningHours } from '@layso/shared';

/** Open around the clock, so no test depends on the hour it runs at. */
export const ALWAYS_OPEN: OpeningHours = Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, [{ open: '00:00', close: '24:00' }]])) as OpeningHours;
const NEVER_OPEN: OpeningHours = Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, []])) as unknown as OpeningHours;

/**
 * A small floor: three services with their own counter, counter 65 serving two
 * queues (as in the demo center), a priority category, a service with a tiny daily
 * limit (QUEUE_FULL) and an inactive one (CLOSED).
 */
export function smallCenter(overrides: { open?: boolean } = {}): CenterConfig {
  return centerConfigSchema.parse({
    name: 'Trung tâm thử nghiệm',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: overrides.open === false ? NEVER_OPEN : ALWAYS_OPEN,
    priorityPolicy: { policy: 'strict' },
    priorityCategories: [{ id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' }],
    areas: [
      {
        id: 'tang-3',
        name: 'Tầng 3',
        services: [
          { id: 'tu-phap', name: 'Tư pháp', prefix: '60' },
          { id: 'visa', name: 'Visa', prefix: '87' },
          { id: 'y-te', name: 'Y tế', prefix: '64', dailyLimit: 3 },
          { id: 'ngoai-vu', name: 'Ngoại vụ', prefix: '61', active: false },
        ],
      },
    ],
    counters: [
      { number: 60, areaId: 'tang-3', serviceIds: ['tu-phap'] },
      { number: 87, areaId: 'tang-3', serviceIds: ['visa'] },
      { number: 64, areaId: 'tang-3', serviceIds: ['y-te'] },
      { number: 65, areaId: 'tang-3', serviceIds: ['y-te', 'tu-phap'] },
    ],
  });
}

export const ONE_QUEUE_SERVICE = 'mot-cua';
export const ONE_QUEUE_PREFIX = '50';

/** `counters` counters (numbered 1..n) all serving one queue: the worst case for racing `next`. */
export function oneQueueCenter(counters: number): CenterConfig {
  return centerConfigSchema.parse({
    name: 'Một cửa',
    openingHours: ALWAYS_OPEN,
    areas: [{ id: 'sanh', name: 'Sảnh', services: [{ id: ONE_QUEUE_SERVICE, name: 'Một cửa', prefix: ONE_QUEUE_PREFIX }] }],
    counters: Array.from({ length: counters }, (_, i) => ({ number: i + 1, areaId: 'sanh', serviceIds: [ONE_QUEUE_SERVICE] })),
  });
}
