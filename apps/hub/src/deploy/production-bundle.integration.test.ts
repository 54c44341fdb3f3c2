import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { catalogResponseSchema, counterActionResponseSchema, healthResponseSchema, issuedTicketSchema, publicTicketStatusSchema, reportResponseSchema, serviceDay } from '@layso/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMigrations } from '../store/migrate.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { http } from '../testing/http-client.js';
import { newRequestId } from '../testing/start-test-hub.js';
import { buildHub, type BuildHubResult } from './build-hub.js';
import { runBundle, spawnBundle, startBundle, type BundleProcess } from '../testing/bundle-process.js';
import { brokenMigrationsDir, createPreviousReleaseData, readSchemaVersions, readV1Tables } from '../testing/previous-release-db.js';
import { RestartSupervisor } from '../testing/restart-supervisor.js';
import { findPackageDir } from './runtime-deps.js';

const LATEST = loadMigrations().length;
const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
const today = () => serviceDay(Date.now(), 'Asia/Ho_Chi_Minh');

let root: string;
let release: string;
let built: BuildHubResult;
const started: BundleProcess[] = [];

/** A data folder of its own for each test. */
let folders = 0;
const dataFolder = () => join(root, `data-${++folders}`);

/** The demo center is open around the clock: a kiosk and counter 86 are all a smoke test needs. */
async function tokens(dataDir: string): Promise<{ kiosk: string; counter: string }> {
  const kiosk = await runBundle(release, ['token', 'create', '--data', dataDir, '--role', 'kiosk']);
  const counter = await runBundle(release, ['token', 'create', '--data', dataDir, '--role', 'counter', '--counter', '86']);
  expect(kiosk, kiosk.output).toMatchObject({ code: 0 });
  expect(counter, counter.output).toMatchObject({ code: 0 });
  return { kiosk: kiosk.output.trim(), counter: counter.output.trim() };
}

async function issue(url: string, token: string): Promise<string> {
  const response = await http(url, 'POST', '/api/tickets', { token, json: { serviceId: 'cong-an-xnc', requestId: newRequestId('bundle') } });
  expect(response.status, response.text).toBe(201);
  return issuedTicketSchema.parse(response.body).number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (;;) {
    const response = await http(url, 'GET', '/api/health', { timeoutMs: 2_000 }).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'layso-bundle-'));
  release = join(root, 'release');
  // The renderers are part of a real release; `pnpm test` builds them before vitest runs.
  const webBuilt = ['apps/kiosk/dist/index.html', 'apps/counter-display/dist/index.html'].every((file) => existsSync(join(REPO_ROOT, file)));
  built = await buildHub({ outDir: release, web: webBuilt, deps: true });
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((hub) => hub.kill()));
  rmSync(root, { recursive: true, force: true });
});

describe('the production build of the hub', { timeout: 60_000 }, () => {
  it('is one bundle, the migrations and the runtime packages, in a folder nothing else supplies packages to', () => {
    expect(readdirSync(release).sort()).toEqual(expect.arrayContaining(['deploy', 'hub.mjs', 'migrations', 'node_modules', 'package.json']));
    expect(readdirSync(join(release, 'migrations')).sort()).toEqual(loadMigrations().map((m) => m.name));
    expect(Object.keys(built.dependencies)).toEqual(expect.arrayContaining(['better-sqlite3', 'socket.io', 'zod']));
    // Everything else, the shared contract included, is inside hub.mjs.
    expect(built.bundledInputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    expect(built.bundledInputs).toEqual(expect.arrayContaining([expect.stringContaining('packages/shared/src/')]));
    // No node_modules above the release folder could be what makes it work.
    expect(findPackageDir('zod', dirname(release))).toBeNull();
  });

  it('serves the contract from that folder: health, catalog, token create by the bundled CLI, issue, next', async () => {
    const dataDir = dataFolder();
    const hub = await startBundle(release, ['--port', '0', '--host', '127.0.0.1', '--data', dataDir]);
    started.push(hub);

    const health = await http(hub.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(healthResponseSchema.parse(health.body)).toMatchObject({ ok: true, day: today(), version: built.version });
    expect(health.body).toMatchObject({ database: { ok: true, schemaVersion: LATEST, quickCheck: 'ok' }, disk: { freeBytes: expect.any(Number) }, devicesOnline: { kiosk: 0 } });

    const catalog = catalogResponseSchema.parse((await http(hub.url, 'GET', '/api/catalog')).body);
    expect(catalog.counters.find((c) => c.number === 86)).toMatchObject({ serviceIds: ['cong-an-xnc'] });

    const { kiosk, counter } = await tokens(dataDir);
    expect(kiosk).toMatch(/^lys_/);
    expect(await issue(hub.url, kiosk)).toBe('86001');
    const next = await http(hub.url, 'POST', '/api/counters/86/next', { token: counter });
    expect(next.status, next.text).toBe(200);
    expect(counterActionResponseSchema.parse(next.body).ticket).toMatchObject({ number: '86001', counter: 86 });
    const status = await http(hub.url, 'GET', `/api/tickets/${today()}/86001`);
    expect(publicTicketStatusSchema.parse(status.body)).toMatchObject({ number: '86001', status: 'called' });

    // Reports run in a worker thread whose code ships next to hub.mjs.
    const admin = await runBundle(release, ['token', 'create', '--data', dataDir, '--role', 'admin']);
    expect(admin, admin.output).toMatchObject({ code: 0 });
    const report = await http(hub.url, 'GET', `/api/admin/reports?from=${today()}&to=${today()}&groupBy=service`, { token: admin.output.trim() });
    expect(report.status, report.text).toBe(200);
    expect(reportResponseSchema.parse(report.body).totals).toMatchObject({ issued: 1 });

    // WAL checkpoints move to a worker thread once the WAL passes 1 MB (each ticket's
    // commit appends several pages): it must find better-sqlite3 from the bundle too.
    for (let i = 0; i < 80; i++) await issue(hub.url, kiosk);
    await vi.waitFor(
      async () => {
        const body = (await http(hub.url, 'GET', '/api/health')).body as { database: { checkpoints?: { mode: string; runs: number } } };
        expect(body.database.checkpoints).toMatchObject({ mode: 'worker', runs: expect.any(Number) });
        expect(body.database.checkpoints!.runs).toBeGreaterThan(0);
      },
      { timeout: 15_000, interval: 200 },
    );

    if (existsSync(join(release, 'web'))) {
      const page = await http(hub.url, 'GET', '/kiosk/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<!doctype html>');
    }
  });

  it('comes back by itself after SIGKILL under a Restart=always supervisor, with its data', async () => {
    const dataDir = dataFolder();
    const port = await freePort();
    const { kiosk } = await tokens(dataDir);
    const supervisor = new RestartSupervisor(() => spawnBundle(release, ['serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir]));
    const url = `http://127.0.0.1:${port}`;
    try {
      supervisor.run();
      await waitForHealth(url);
      const issued = [await issue(url, kiosk)];
      for (let crash = 0; crash < 2; crash++) {
        const victim = supervisor.child;
        victim.kill('SIGKILL');
        await supervisor.nextStart(victim);
        await waitForHealth(url);
        issued.push(await issue(url, kiosk));
      }
      // Each number continues the sequence: nothing acknowledged was lost, nothing reused.
      expect(issued).toEqual(['86001', '86002', '86003']);
      expect(supervisor.exits).toEqual([
        { code: null, signal: 'SIGKILL' },
        { code: null, signal: 'SIGKILL' },
      ]);
      for (const number of issued) {
        expect((await http(url, 'GET', `/api/tickets/${today()}/${number}`)).body).toMatchObject({ number, status: 'waiting' });
      }
    } finally {
      // `systemctl stop`: a clean exit, and no restart after it.
      expect(await supervisor.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('upgrades a database of the previous release: backup first, migrations applied, data intact', async () => {
    const dataDir = dataFolder();
    mkdirSync(dataDir, { recursive: true });
    createPreviousReleaseData(dataDir, today());
    const file = join(dataDir, DATABASE_FILE);
    const before = readV1Tables(file);

    const hub = await startBundle(release, ['--port', '0', '--host', '127.0.0.1', '--data', dataDir]);
    started.push(hub);
    expect(hub.output()).toMatch(/database upgraded from schema 1 .*layso-0\.1\.0-.*\.db/);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toEqual([expect.stringMatching(new RegExp(`^layso-${built.version.replace(/\./g, '\\.')}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.db$`))]);
    expect(readSchemaVersions(join(dataDir, 'backups', backups[0]!))).toEqual([1]);
    expect((await http(hub.url, 'GET', '/api/health')).body).toMatchObject({ ok: true, database: { schemaVersion: LATEST } });

    // The morning's tickets are still there and numbering goes on after them.
    expect((await http(hub.url, 'GET', `/api/tickets/${today()}/86002`)).body).toMatchObject({ number: '86002', status: 'waiting' });
    const { kiosk } = await tokens(dataDir);
    expect(await issue(hub.url, kiosk)).toBe('86003');
    await hub.kill('SIGTERM');
    const after = readV1Tables(file);
    expect(after.tickets!.slice(0, 2)).toEqual(before.tickets);
    expect(after.center_config).toEqual(before.center_config);
  });

  it('refuses to start when a migration fails: exit 65, one clear message, the database untouched', async () => {
    const dataDir = dataFolder();
    mkdirSync(dataDir, { recursive: true });
    createPreviousReleaseData(dataDir, today());
    const file = join(dataDir, DATABASE_FILE);
    const before = readV1Tables(file);

    const result = await runBundle(release, ['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--migrations-dir', brokenMigrationsDir(join(root, 'broken'))]);
    expect(result.code, result.output).toBe(65);
    expect(result.output).not.toMatch(/listening/);
    expect(result.output).toMatch(/^layso hub cannot start: upgrading the database .* from schema version 1 to \d+ failed: no such table: no_such_table\. Nothing was changed/m);
    expect(readSchemaVersions(file)).toEqual([1]);
    expect(readV1Tables(file)).toEqual(before);
  });
});
