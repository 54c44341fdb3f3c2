import { join } from 'node:path';
import type { Role } from '@layso/shared';
import { DeviceStore } from '../../apps/hub/src/devices/device-store.js';
import { DATABASE_FILE, openDatabase } from '../../apps/hub/src/store/open-database.js';

export interface TokenSpec {
  role: Role;
  counter?: number;
  name?: string;
}

/**
 * Device tokens written with the hub's own DeviceStore into the data folder (the
 * same thing `pnpm layso token create` does), before or beside a running hub.
 */
export function createTokens(dataDir: string, specs: readonly TokenSpec[]): string[] {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const devices = new DeviceStore(db);
    return specs.map((s) => devices.create(s.role, { counter: s.counter ?? null, name: s.name ?? `bench ${s.role}` }).token);
  } finally {
    db.close();
  }
}
