import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CenterConfig, Role } from '@layso/shared';
import type { DeviceStore } from '../devices/device-store.js';

export interface DemoDevice {
  role: Role;
  counter?: number;
  name: string;
  token: string;
}

const FILE = 'demo-devices.json';

/**
 * Ready-made devices for the demo: one kiosk, one board, one admin and a console per
 * counter. Tokens are kept in plain text in the demo data folder only, so the printed
 * links keep working across restarts; production devices get tokens by pairing.
 */
export function ensureDemoDevices(dataDir: string, devices: DeviceStore, config: CenterConfig): DemoDevice[] {
  const file = join(dataDir, FILE);
  const saved: DemoDevice[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoDevice[]) : [];
  const wanted: Omit<DemoDevice, 'token'>[] = [
    { role: 'kiosk', name: 'Ki-ốt demo' },
    { role: 'display', name: 'Màn hình demo' },
    { role: 'admin', name: 'Quản trị demo' },
    ...config.counters.map((c) => ({ role: 'counter' as const, counter: c.number, name: `Quầy ${c.number}` })),
  ];
  const result = wanted.map((want) => {
    const existing = saved.find((d) => d.role === want.role && d.counter === want.counter && devices.authenticate(d.token));
    if (existing) return existing;
    const { token } = devices.create(want.role, { counter: want.counter ?? null, name: want.name });
    return { ...want, token };
  });
  writeFileSync(file, JSON.stringify(result, null, 2), { mode: 0o600 });
  return result;
}
