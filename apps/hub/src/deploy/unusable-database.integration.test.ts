import { spawn } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../testing/http-client.js';
import { makeTempDir } from '../testing/start-test-hub.js';
import { killAllSpawnedHubs, runCli, spawnHub } from '../testing/spawn-hub.js';
import { DATABASE_FILE, openDatabase } from '../store/open-database.js';
import { EXIT_CODE } from './exit-codes.js';

/*
 * The real CLI in a child process, on data folders whose database needs a person:
 * the hub must refuse with a clear message and exit 65 (which the systemd unit's
 * RestartPreventExitStatus and the Windows service do not restart), never start as a
 * brand-new center on an emptied file; a crash keeps exit code 1 (restarted).
 */

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

let root: string;
beforeAll(() => {
  root = makeTempDir('unusable-db');
});
afterEach(async () => {
  await killAllSpawnedHubs();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let dirs = 0;
function dataDir(label: string): string {
  const dir = join(root, `${label}-${++dirs}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const serve = (dir: string) => runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', dir]);

/** A real, used hub database (migrated, one device), then a nightly backup copy of it. */
function usedDatabaseWithBackup(dir: string): string {
  const db = openDatabase(join(dir, DATABASE_FILE));
  db.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const nightly = join(dir, 'backups', 'nightly');
  mkdirSync(nightly, { recursive: true });
  const backup = join(nightly, 'layso-2026-12-02.sqlite');
  writeFileSync(backup, readFileSync(join(dir, DATABASE_FILE)));
  return backup;
}

describe('a database that needs a person: refused with exit code 65 and a clear message', { timeout: 120_000 }, () => {
  it('a zero-length layso.db: no new center, no new admin; the message gives the restore command with the newest backup', async () => {
    const dir = dataDir('empty');
    const backup = usedDatabaseWithBackup(dir);
    writeFileSync(join(dir, DATABASE_FILE), '');
    rmSync(join(dir, `${DATABASE_FILE}-wal`), { force: true });
    rmSync(join(dir, `${DATABASE_FILE}-shm`), { force: true });

    const result = await serve(dir);
    expect(result.code, result.stderr).toBe(EXIT_CODE.DATA);
    expect(result.stderr).toMatch(/layso hub cannot start: the database .*layso\.db is empty \(0 bytes\)/);
    expect(result.stderr).toContain(`backup restore --data ${dir} --from ${backup}`);
    expect(result.stdout).not.toMatch(/First admin created/);
    // Untouched: still empty, nothing created beside it.
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['backups', DATABASE_FILE]);

    // A CLI command opening the database refuses the same way.
    const token = await runCli(['token', 'create', '--data', dir, '--role', 'kiosk']);
    expect(token.code).toBe(EXIT_CODE.DATA);
    expect(token.stderr).toMatch(/is empty \(0 bytes\)/);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);

    // The restore command in the message works, and the hub then starts on the restored data.
    const restore = await runCli(['backup', 'restore', '--data', dir, '--from', backup]);
    expect(restore.code, restore.stderr).toBe(0);
    const hub = await spawnHub({ dataDir: dir });
    expect((await http(hub.url, 'GET', '/api/health')).status).toBe(200);
    expect(await hub.stop()).toEqual({ code: 0, signal: null });
    const db = openDatabase(join(dir, DATABASE_FILE), { migrations: false });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    db.close();
  });

  it('a file that is not a database (garbage bytes)', async () => {
    const dir = dataDir('garbage');
    writeFileSync(join(dir, DATABASE_FILE), Buffer.alloc(16_384, 0x5a));
    const result = await serve(dir);
    expect(result.code, result.stderr).toBe(EXIT_CODE.DATA);
    expect(result.stderr).toMatch(/the database .*layso\.db cannot be used: file is not a database \(SQLITE_NOTADB\)\. It is damaged or not a layso database/);
    expect(result.stderr).toMatch(/backup restore --data /);
  });

  it('a damaged database (its schema pages overwritten)', async () => {
    const dir = dataDir('damaged');
    usedDatabaseWithBackup(dir);
    // Keep the 100-byte header, wreck the rest of page 1 (sqlite_master) and beyond.
    const fd = openSync(join(dir, DATABASE_FILE), 'r+');
    writeSync(fd, Buffer.alloc(8_000, 0xa5), 0, 8_000, 100);
    closeSync(fd);
    const result = await serve(dir);
    expect(result.code, result.stderr).toBe(EXIT_CODE.DATA);
    expect(result.stderr).toMatch(/the database .*layso\.db cannot be used: .*\(SQLITE_(CORRUPT|NOTADB)\w*\)/);
  });

  it('a folder where the database file should be', async () => {
    const dir = dataDir('folder');
    mkdirSync(join(dir, DATABASE_FILE));
    const result = await serve(dir);
    expect(result.code, result.stderr).toBe(EXIT_CODE.DATA);
    expect(result.stderr).toMatch(/the database .*layso\.db is a folder, not a database file/);
  });

  it('a database the hub\'s user may not read (chmod 000, the hub running as nobody)', async (context) => {
    if (process.getuid?.() !== 0) {
      context.skip('needs root to start the hub as another user (nobody) on a file that user may not read');
    }
    const dir = dataDir('unreadable');
    usedDatabaseWithBackup(dir);
    const NOBODY = 65534;
    // The folder is the hub's (nobody's); only the database file is taken away from it.
    for (const path of [root, dir]) chmodSync(path, 0o755);
    chownSync(dir, NOBODY, NOBODY);
    chmodSync(join(dir, DATABASE_FILE), 0o000);
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/hub/src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dir], {
        cwd: REPO_ROOT,
        uid: NOBODY,
        gid: NOBODY,
        // tsx keeps its cache under the temp folder, per user.
        env: { ...process.env, HOME: dir },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
    expect(result.code, result.stderr).toBe(EXIT_CODE.DATA);
    expect(result.stderr).toMatch(/cannot open the database .*layso\.db for reading and writing: EACCES/);
  });
});

describe('what is not a data problem keeps its behaviour', { timeout: 120_000 }, () => {
  it('a new data folder (no database file) still starts a fresh center', async () => {
    const dir = join(root, 'brand-new');
    const hub = await spawnHub({ dataDir: dir });
    // The first admin's line comes after the listening line (its password is hashed first).
    await expect.poll(() => hub.output(), { timeout: 30_000 }).toMatch(/First admin created/);
    expect(await hub.stop()).toEqual({ code: 0, signal: null });
    expect(statSync(join(dir, DATABASE_FILE)).size).toBeGreaterThan(0);
  });

  it('a passing failure (the port is taken) exits 1, which the service restarts', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await runCli(['serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir('port')]);
      expect(result.code, result.stderr).toBe(EXIT_CODE.FAILURE);
      expect(result.stderr).toMatch(/layso hub cannot start: .*EADDRINUSE/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
