import type { CenterConfig } from '@layso/shared';
import { seedCenter, SEED_COUNTERS, SEED_SERVICES } from '../../apps/hub/src/reports/seed/seed-center.js';

// The 20 × 30 layout lives with the hub's seeders (the `seed-year` CLI uses it too).
export { countersOf, servicePrefix, serviceId } from '../../apps/hub/src/reports/seed/seed-center.js';

const ALL_DAY = [{ open: '00:00', close: '24:00' }];

export const GROWTH_SERVICES = SEED_SERVICES;
export const GROWTH_COUNTERS = SEED_COUNTERS;

/**
 * The growth benchmark's center: 20 services over two floors, 30 counters, open around
 * the clock so a run at any hour can issue tickets.
 */
export function growthCenter(): CenterConfig {
  return seedCenter({
    name: 'Trung tâm benchmark',
    openingHours: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
  });
}
