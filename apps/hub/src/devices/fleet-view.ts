import { deviceStatusRequestSchema, type FleetDevice } from '@layso/shared';
import type { DeviceRecord } from './device-store.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * One device as the admin console shows it. The stored status is what the device
 * sent, validated again on the way out: a row written by an older build that no
 * longer fits the contract shows as "no status" rather than breaking the list.
 */
export function fleetDevice(record: DeviceRecord, online: boolean): FleetDevice {
  const status = deviceStatusRequestSchema.safeParse(record.status);
  const reported = status.success ? status.data : {};
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    // A door screen's token acts for no counter, but the admin sees which one it shows.
    counter: record.counter ?? record.screenCounter,
    screen: record.screen,
    createdAt: new Date(record.createdAt).toISOString(),
    lastSeenAt: iso(record.lastSeenAt),
    online: online && record.revokedAt === null,
    revokedAt: iso(record.revokedAt),
    appVersion: reported.appVersion ?? null,
    printer: reported.printer ?? null,
    statusAt: iso(record.statusAt),
  };
}
