import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogResponseSchema, counterActionResponseSchema, ROLES } from '@layso/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, withDatabase } from '../testing/db-snapshot.js';
import { http } from '../testing/http-client.js';
import { makeTempDir, newRequestId } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';
import { createTokenWithCli, killAllSpawnedHubs, runCli, spawnHub } from '../testing/spawn-hub.js';

const TOKEN_LINE = /^lys_[A-Za-z0-9_-]{43}\n$/;

let root: string;
beforeAll(() => {
  root = makeTempDir('cli');
});
afterEach(async () => {
  await killAllSpawnedHubs();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let dirs = 0;
/** A fresh, not yet existing data folder under this file's temp root. */
const freshDir = (label: string) => join(root, `${label}-${++dirs}`);

// Every test starts real processes; a loaded two-core CI box can make each take seconds.
describe('layso token create', { timeout: 120_000 }, () => {
  it('prints the token alone on stdout, one line, for every role; stores only its hash', async () => {
    // All at once, on a data folder that does not exist yet: every process creates and
    // migrates the same new database at the same moment (this used to fail now and
    // then with "table meta already exists").
    const dataDir = freshDir('tokens');
    const results = await Promise.all(
      ROLES.map((role) => runCli(['token', 'create', '--data', dataDir, '--role', role, ...(role === 'counter' ? ['--counter', '86'] : [])])),
    );
    const tokens = results.map((result, i) => {
      expect(result, ROLES[i]).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout, ROLES[i]).toMatch(TOKEN_LINE);
      return result.stdout.trim();
    });
    expect(new Set(tokens).size).toBe(ROLES.length);

    const rows = withDatabase(dataDir, (db) => db.prepare('SELECT * FROM devices').all() as Record<string, unknown>[]);
    expect(rows).toHaveLength(ROLES.length);
    ROLES.forEach((role, i) => {
      const row = rows.find((r) => r.token_hash === createHash('sha256').update(tokens[i]!).digest('hex'));
      expect(row, role).toMatchObject({ role, counter: role === 'counter' ? 86 : null });
      expect(JSON.stringify(row)).not.toContain(tokens[i]!.slice(4));
    });
  });

  it('a token created while the hub runs authenticates at once', async () => {
    const dataDir = freshDir('live');
    const hub = await spawnHub({ dataDir });
    const kiosk = await createTokenWithCli(dataDir, 'kiosk');
    const issued = await http(hub.url, 'POST', '/api/tickets', { token: kiosk, json: { serviceId: 'cong-an-xnc', requestId: newRequestId('cli') } });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.body).toMatchObject({ number: '86001' });

    const counter = await createTokenWithCli(dataDir, 'counter', 86);
    const called = await http(hub.url, 'POST', '/api/counters/86/next', { token: counter });
    expect(called.status, called.text).toBe(200);
    expect(counterActionResponseSchema.parse(called.body).ticket).toMatchObject({ number: '86001', counter: 86 });

    const display = await TestSocket.connect(hub.url, await createTokenWithCli(dataDir, 'display'));
    expect(display.initialState.recentCalls).toMatchObject([{ number: '86001', counter: 86 }]);
    display.close();

    // SIGTERM is a clean shutdown.
    expect(await hub.stop()).toEqual({ code: 0, signal: null });
  });

  const REFUSALS: { label: string; args: string[]; message: RegExp }[] = [
    { label: 'an unknown role', args: ['--role', 'superuser'], message: /--role must be one of kiosk, counter, display, portal, admin/ },
    { label: 'no role', args: [], message: /--role must be one of/ },
    { label: 'a counter token without --counter', args: ['--role', 'counter'], message: /a counter token needs --counter N \(1–999\)/ },
    { label: 'counter 0', args: ['--role', 'counter', '--counter', '0'], message: /needs --counter N \(1–999\)/ },
    { label: 'counter 1000', args: ['--role', 'counter', '--counter', '1000'], message: /needs --counter N \(1–999\)/ },
    { label: 'counter "abc"', args: ['--role', 'counter', '--counter', 'abc'], message: /needs --counter N \(1–999\)/ },
    { label: '--counter on a kiosk token', args: ['--role', 'kiosk', '--counter', '5'], message: /--counter only goes with --role counter/ },
  ];

  it.each(REFUSALS)('refuses $label: exit 1, a clear message, no token, no database', async ({ args, message }) => {
    const dataDir = freshDir('refused');
    const result = await runCli(['token', 'create', '--data', dataDir, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a missing --data and an unknown option', async () => {
    const noData = await runCli(['token', 'create', '--role', 'kiosk']);
    expect(noData).toMatchObject({ code: 1, stdout: '' });
    expect(noData.stderr).toMatch(/token create needs --data DIR/);

    const unknown = await runCli(['token', 'create', '--data', freshDir('unknown'), '--role', 'kiosk', '--colour', 'red']);
    expect(unknown.code).toBe(64);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('prints the usage for an unknown command (exit 64, a usage error)', async () => {
    const result = await runCli(['tokens', 'make']);
    expect(result).toMatchObject({ code: 64, stdout: '' });
    expect(result.stderr).toMatch(/pnpm layso token create --data DIR --role/);
  });
});

describe('layso serve', { timeout: 120_000 }, () => {
  it('with no --config on an empty data folder serves the demo center; a --config replaces it and is kept', async () => {
    const dataDir = freshDir('serve');
    const configFile = join(root, 'small-center.json');
    writeFileSync(configFile, JSON.stringify(smallCenter()));
    const bootIds = new Set<string>();
    /** One run of the hub: its catalog, and the bootId a socket sees. */
    const run = async (config?: string) => {
      const hub = await spawnHub({ dataDir, ...(config ? { config } : {}) });
      const catalog = catalogResponseSchema.parse((await http(hub.url, 'GET', '/api/catalog')).body);
      const socket = await TestSocket.connect(hub.url);
      bootIds.add(socket.initialState.bootId);
      socket.close();
      await hub.stop();
      return catalog;
    };

    expect((await run()).counters.find((c) => c.number === 86)).toMatchObject({ serviceIds: ['cong-an-xnc'] });
    expect((await run(configFile)).counters.map((c) => c.number)).toEqual([60, 87, 64, 65]);
    // Restarted without --config, the hub keeps the stored center rather than the demo.
    expect((await run()).center.name).toBe('Trung tâm thử nghiệm');
    // Each start is a new boot: clients learn from the bootId that seq started over.
    expect(bootIds.size).toBe(3);
  });

  /** Runs `serve` expecting it to refuse to start; it must not get as far as listening. */
  async function serveRefused(args: string[]) {
    const dataDir = freshDir('bad-serve');
    const result = await runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, ...args]);
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stdout).not.toMatch(/listening/);
    expect(existsSync(databaseFile(dataDir))).toBe(false);
    return result.stderr;
  }

  it('--config with shape errors: exit non-zero, every problem listed by path', async () => {
    const file = join(root, 'bad-shape.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: '',
        openingHours: { mon: [{ open: '25:00', close: '11:00' }] },
        areas: [{ id: 'Tầng 1', name: 'Tầng 1', services: [{ id: 'tu-phap', name: 'Tư pháp', prefix: '6' }] }],
        counters: [{ number: 0, areaId: 'tang-1', serviceIds: [] }],
        colour: 'blue',
      }),
    );
    const stderr = await serveRefused(['--config', file]);
    expect(stderr).toContain(`center config ${file} is invalid`);
    for (const path of ['name', 'openingHours.mon.0.open', 'areas.0.id', 'areas.0.services.0.prefix', 'counters.0.number', 'counters.0.serviceIds', '(root)']) {
      expect(stderr).toContain(`  - ${path}: `);
    }
  });

  it('--config with broken references: exit non-zero, every problem listed', async () => {
    const config = structuredClone(smallCenter()) as unknown as { areas: { services: { prefix: string }[] }[]; counters: { areaId: string; serviceIds: string[] }[] };
    config.areas[0]!.services[1]!.prefix = config.areas[0]!.services[0]!.prefix;
    config.counters[0]!.areaId = 'tang-9';
    config.counters[1]!.serviceIds = ['khong-co'];
    const file = join(root, 'bad-references.json');
    writeFileSync(file, JSON.stringify(config));
    const stderr = await serveRefused(['--config', file]);
    expect(stderr).toMatch(/areas\.0\.services\.1\.prefix: prefix 60 is already used by service "tu-phap"/);
    expect(stderr).toMatch(/counters\.0\.areaId: unknown area "tang-9"/);
    expect(stderr).toMatch(/counters\.1\.serviceIds\.0: unknown service "khong-co"/);
  });

  it('--config that is missing or not JSON: exit non-zero with the reason', async () => {
    expect(await serveRefused(['--config', join(root, 'nope.json')])).toMatch(/cannot read center config .*nope\.json: ENOENT/);
    const notJson = join(root, 'not-json.json');
    writeFileSync(notJson, '{ name: "no quotes" ');
    expect(await serveRefused(['--config', notJson])).toMatch(/cannot read center config .*not-json\.json: .*JSON/);
  });

  it('refuses a bad --port and a missing --data', async () => {
    expect(await serveRefused(['--port', '99999'])).toMatch(/--port must be 0–65535/);
    const noData = await runCli(['serve', '--port', '0']);
    expect(noData.code).toBe(1);
    expect(noData.stderr).toMatch(/serve needs --data DIR/);
  });
});
