import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { killAllSpawnedHubs, spawnHub } from '../testing/spawn-hub.js';

let root: string;
beforeAll(() => {
  root = makeTempDir('logger');
});
afterEach(async () => {
  await killAllSpawnedHubs();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const ENTRY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00 (INFO |WARN |ERROR) /;

describe('what `layso serve` writes (the real CLI, as hub.log gets it)', { timeout: 120_000 }, () => {
  it('every line of the banner and of the log carries an ISO time with offset and a level', async () => {
    const config = join(root, 'center.json');
    writeFileSync(config, JSON.stringify(smallCenter()));
    const first = await spawnHub({ dataDir: join(root, 'data'), config });
    // The first admin's banner comes after "listening on"; wait for it.
    for (let i = 0; i < 250 && !first.output().includes('not shown again'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.stop();
    // Started again on the same file, the hub logs that it keeps the stored configuration.
    const second = await spawnHub({ dataDir: join(root, 'data'), config });
    await second.stop();
    const lines = (first.output() + second.output()).split('\n').filter((line) => line !== '');
    expect(lines.some((l) => /INFO {2}config file unchanged since its last import/.test(l)), second.output()).toBe(true);
    expect(lines.some((l) => /INFO {4}listening on http:\/\/localhost:\d+ /.test(l))).toBe(true);
    expect(lines.some((l) => /INFO {4}First admin created/.test(l))).toBe(true);
    for (const line of lines) expect(line).toMatch(ENTRY);
  });
});
