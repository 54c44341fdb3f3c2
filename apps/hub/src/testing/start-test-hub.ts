import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { centerConfigSchema, type CenterConfigInput, type Role } from '@layso/shared';
import { startHub, type Hub, type HubOptions } from '../app/create-hub.js';
import { DEMO_CENTER } from '../demo/demo-center.js';

export interface TestHub extends Hub {
  dataDir: string;
  /** Creates a device token for a role (counter tokens need the counter number). */
  token(role: Role, counter?: number): string;
  /** Closes the hub and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * A real hub on 127.0.0.1 with a real SQLite file in a fresh temp folder: what
 * integration and browser tests run against. The demo center unless `config` is given.
 */
export async function startTestHub(options: Omit<HubOptions, 'dataDir' | 'config'> & { config?: CenterConfigInput; dataDir?: string } = {}): Promise<TestHub> {
  // A given folder (e.g. on a small tmpfs a test fills up) is deleted on stop all the same.
  const { config, dataDir = mkdtempSync(join(tmpdir(), 'layso-hub-')), ...rest } = options;
  const hub = await startHub({
    host: '127.0.0.1',
    log: () => {},
    ...rest,
    dataDir,
    config: centerConfigSchema.parse(config ?? DEMO_CENTER),
  });
  return {
    ...hub,
    dataDir,
    token: (role, counter) => hub.devices.create(role, { counter: counter ?? null }).token,
    async stop() {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
