import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/start-test-hub.js';
import { removeStaleDownloads } from './online-backup.js';

describe('removeStaleDownloads', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('removes the download copies a stopped hub left, and nothing else', () => {
    dir = makeTempDir('stale-downloads');
    const names = [
      'download-0123456789ab.sqlite',
      'download-0123456789ab.sqlite.89abcdef.partial',
      'layso.db',
      'layso.db-wal',
      'download-notes.txt',
      'download-0123456789ab.sqlite.bak',
    ];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    removeStaleDownloads(dir);
    expect(readdirSync(dir).sort()).toEqual(['download-0123456789ab.sqlite.bak', 'download-notes.txt', 'layso.db', 'layso.db-wal']);
  });

  it('accepts a data folder that does not exist yet', () => {
    const root = (dir = makeTempDir('stale-downloads'));
    expect(() => removeStaleDownloads(join(root, 'missing'))).not.toThrow();
  });
});
