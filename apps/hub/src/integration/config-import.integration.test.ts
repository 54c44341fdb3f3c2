import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CenterConfig } from '@layso/shared';
import { startHub } from '../app/create-hub.js';
import { testCenter } from '../testing/test-center.js';
import { makeTempDir } from '../testing/temp-store.js';

/** One start of the hub on `dataDir` with `config` as the --config file would give it. */
async function withHub<T>(dataDir: string, config: CenterConfig | undefined, use: (hub: Awaited<ReturnType<typeof startHub>>) => T): Promise<T> {
  const logs: string[] = [];
  const hub = await startHub({
    dataDir,
    host: '127.0.0.1',
    ...(config ? { config } : {}),
    webRoots: { kiosk: join(dataDir, 'no-web'), counterDisplay: join(dataDir, 'no-web') },
    log: (message) => logs.push(message),
  });
  try {
    return use(hub);
  } finally {
    await hub.close();
  }
}

describe('a --config file at start', () => {
  it('is imported when new or changed, and an unchanged file keeps what the console changed', async () => {
    const dataDir = makeTempDir();
    const fromFile = testCenter();
    await withHub(dataDir, fromFile, (hub) => {
      expect(hub.core.config.name).toBe(fromFile.name);
      // The administrator renames the center in the console.
      hub.core.replaceConfig({ ...hub.core.config, name: 'Tên sửa trong trang quản trị' });
    });
    // Restarted by systemd with the same file: the console's change stands.
    await withHub(dataDir, fromFile, (hub) => expect(hub.core.config.name).toBe('Tên sửa trong trang quản trị'));
    // Without a file it stands too.
    await withHub(dataDir, undefined, (hub) => expect(hub.core.config.name).toBe('Tên sửa trong trang quản trị'));
    // The installer edits the file: the new file wins.
    const edited = { ...fromFile, name: 'Tên mới trong tệp cấu hình' };
    await withHub(dataDir, edited, (hub) => expect(hub.core.config.name).toBe('Tên mới trong tệp cấu hình'));
  });
});
