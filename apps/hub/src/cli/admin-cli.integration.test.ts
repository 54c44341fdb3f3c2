import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../testing/db-snapshot.js';
import { expectError, http } from '../testing/http-client.js';
import { makeTempDir } from '../testing/start-test-hub.js';
import { killAllSpawnedHubs, spawnHub } from '../testing/spawn-hub.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** `pnpm layso …` with `input` on stdin (the password), as an installer would pipe it. */
function layso(args: string[], input: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/hub/src/cli/main.ts', ...args], { cwd: REPO_ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let root: string;
let dirs = 0;
beforeAll(() => {
  root = makeTempDir('admin-cli');
});
afterEach(async () => {
  await killAllSpawnedHubs();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
const freshDir = () => join(root, `data-${++dirs}`);

const signIn = (url: string, username: string, password: string) => http(url, 'POST', '/api/admin/session', { json: { username, password } });

describe('layso admin', { timeout: 120_000 }, () => {
  it('create reads the password from stdin, refuses short ones and duplicates', async () => {
    const dataDir = freshDir();
    const short = layso(['admin', 'create', '--data', dataDir, '--user', 'alice'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect(layso(['admin', 'create', '--data', dataDir], 'long-enough-pw\n').stderr).toMatch(/needs --user NAME/);

    const created = layso(['admin', 'create', '--data', dataDir, '--user', 'alice'], 'alice-password-1\r\nignored second line\n');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('admin user "alice" created');
    const again = layso(['admin', 'create', '--data', dataDir, '--user', 'ALICE'], 'another-password\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const row = withDatabase(dataDir, (db) => db.prepare('SELECT username, password_hash, must_change_password FROM admin_users').all());
    expect(row).toMatchObject([{ username: 'alice', must_change_password: 0 }]);
    expect(JSON.stringify(row)).not.toContain('alice-password-1');

    // A hub started on it creates no extra admin, and alice signs in with her password.
    const hub = await spawnHub({ dataDir });
    expect(hub.output()).not.toContain('First admin');
    expect((await signIn(hub.url, 'alice', 'alice-password-1')).status).toBe(200);
  });

  it('reset-password works while the hub runs: old sessions end, the lockout is cleared', async () => {
    const dataDir = freshDir();
    expect(layso(['admin', 'create', '--data', dataDir, '--user', 'alice'], 'alice-password-1\n').code).toBe(0);
    const hub = await spawnHub({ dataDir });
    const session = await signIn(hub.url, 'alice', 'alice-password-1');
    const token = (session.body as { token: string }).token;
    for (let i = 0; i < 5; i++) await signIn(hub.url, 'alice', `wrong-${i}`);
    expectError(await signIn(hub.url, 'alice', 'alice-password-1'), 423, 'ACCOUNT_LOCKED');

    const reset = layso(['admin', 'reset-password', '--data', dataDir, '--user', 'alice'], 'alice-password-2\n');
    expect(reset.code, reset.stderr).toBe(0);
    expectError(await http(hub.url, 'GET', '/api/admin/session', { token }), 401, 'UNAUTHENTICATED');
    expect((await signIn(hub.url, 'alice', 'alice-password-2')).status).toBe(200);

    const unknown = layso(['admin', 'reset-password', '--data', dataDir, '--user', 'bob'], 'bob-password-1\n');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no admin user "bob"/);
  });

  it('serve on a hub without admins prints a one-time password once, which must be changed', async () => {
    const dataDir = freshDir();
    const hub = await spawnHub({ dataDir });
    // Printed right after the address; wait for the line rather than a fixed time.
    for (let i = 0; i < 250 && !hub.output().includes('First admin'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const match = /sign in at http:\/\/localhost:\d+\/admin as: admin \/ (\S+)/.exec(hub.output());
    expect(match, hub.output()).not.toBeNull();
    const session = await signIn(hub.url, 'admin', match![1]!);
    expect(session.body).toMatchObject({ user: { username: 'admin', mustChangePassword: true } });
    expectError(await http(hub.url, 'GET', '/api/admin/clerks', { token: (session.body as { token: string }).token }), 403, 'PASSWORD_CHANGE_REQUIRED');
    await hub.stop();

    const second = await spawnHub({ dataDir });
    expect(second.output()).not.toContain('First admin');
  });

  it('demo prints the admin link with a fresh password that signs in without a forced change', async () => {
    const dataDir = freshDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/hub/src/cli/main.ts', 'demo', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      let output = '';
      const line = await new Promise<RegExpExecArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no admin line in time:\n${output}`)), 60_000);
        const onData = (chunk: string) => {
          output += chunk;
          const match = /Admin: +http:\/\/localhost:(\d+)\/admin — đăng nhập\/sign in: admin \/ (\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          }
        };
        child.stdout.setEncoding('utf8').on('data', onData);
        child.stderr.setEncoding('utf8').on('data', onData);
      });
      expect(output).not.toContain('First admin');
      const session = await signIn(`http://127.0.0.1:${line[1]}`, 'admin', line[2]!);
      expect(session.status, session.text).toBe(200);
      expect(session.body).toMatchObject({ user: { username: 'admin', mustChangePassword: false } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
