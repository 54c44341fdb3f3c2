import { networkInterfaces } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/start-test-hub.js';
import { killAllSpawnedHubs, runCli, spawnHub } from '../testing/spawn-hub.js';

let root: string;
beforeAll(() => {
  root = makeTempDir('cli-usage');
});
afterEach(async () => {
  await killAllSpawnedHubs();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Every subcommand as a person types it; each is a real `node --import tsx main.ts` process. */
const COMMANDS: { label: string; args: string[]; usage: RegExp }[] = [
  { label: 'serve', args: ['serve'], usage: /^usage: pnpm layso serve --port P --data DIR/ },
  { label: 'demo', args: ['demo'], usage: /^usage: pnpm layso demo/ },
  { label: 'token create', args: ['token', 'create'], usage: /^usage: pnpm layso token create --data DIR --role/ },
  { label: 'admin create', args: ['admin', 'create'], usage: /^usage: pnpm layso admin create --data DIR --user NAME/ },
  { label: 'admin reset-password', args: ['admin', 'reset-password'], usage: /pnpm layso admin reset-password --data DIR --user NAME/ },
  { label: 'backup restore', args: ['backup', 'restore'], usage: /^usage: pnpm layso backup restore --data DIR --from FILE/ },
  { label: 'seed-year', args: ['seed-year'], usage: /^usage: pnpm layso seed-year --data DIR/ },
];

describe('layso --help and unknown flags (the real CLI)', { timeout: 120_000 }, () => {
  it.each(COMMANDS)('$label --help: the usage on stdout, exit 0, nothing on stderr', async ({ args, usage }) => {
    for (const help of ['--help', '-h']) {
      const result = await runCli([...args, help, '--data', join(root, 'never-made')]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(usage);
    }
  });

  it.each(COMMANDS)('$label with an unknown flag: one line on stderr, exit 64', async ({ label, args }) => {
    const result = await runCli([...args, '--data', join(root, 'never-made'), '--colour', 'red']);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`layso ${label}: Unknown option '--colour' (see: pnpm layso ${label} --help)\n`);
  });

  it('a flag without its value or a stray argument is a usage error too (64), never a stack trace', async () => {
    const missing = await runCli(['serve', '--port']);
    expect(missing).toMatchObject({ code: 64, stdout: '', stderr: "layso serve: Option '--port <value>' argument missing (see: pnpm layso serve --help)\n" });
    const stray = await runCli(['token', 'create', 'kiosk']);
    expect(stray).toMatchObject({ code: 64, stdout: '' });
    expect(stray.stderr).toBe("layso token create: Unexpected argument 'kiosk' (see: pnpm layso token create --help)\n");
  });

  it('a leading -- (what `pnpm layso -- …` passes) is dropped, not taken for the command', async () => {
    const help = await runCli(['--', 'token', 'create', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: pnpm layso token create --data DIR --role/);
    const unknown = await runCli(['--', 'serve', '--colour', 'red']);
    expect(unknown).toMatchObject({ code: 64, stdout: '', stderr: "layso serve: Unknown option '--colour' (see: pnpm layso serve --help)\n" });
  });

  it('the whole CLI: --help prints every command; an unknown command prints the usage and exits 64', async () => {
    const help = await runCli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const line of ['pnpm layso serve', 'pnpm layso token create', 'pnpm layso admin create', 'pnpm layso backup restore', 'pnpm layso seed-year']) expect(help.stdout).toContain(line);
    for (const args of [['tokens', 'make'], ['token', 'revoke'], ['admin', 'delete'], ['backup', 'take']]) {
      const unknown = await runCli(args);
      expect(unknown, args.join(' ')).toMatchObject({ code: 64, stdout: '' });
      expect(unknown.stderr).toMatch(/usage|pnpm layso/);
      expect(unknown.stderr).not.toMatch(/\n\s+at /);
    }
    for (const args of [['token', '--help'], ['admin', '--help'], ['backup', '--help']]) {
      expect(await runCli(args), args.join(' ')).toMatchObject({ code: 0, stderr: '' });
    }
  });
});

describe('the start banner', { timeout: 120_000 }, () => {
  it('with --host 127.0.0.1 lists localhost only, not the LAN addresses it does not listen on', async () => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    const hub = await spawnHub({ dataDir: join(root, 'banner') });
    const line = hub.output().split('\n').find((l) => l.includes('listening on'))!;
    expect(line).toMatch(new RegExp(`listening on http://localhost:${hub.port}  \\(data: `));
    for (const address of lan) expect(line).not.toContain(address);
    await hub.stop();
  });
});
