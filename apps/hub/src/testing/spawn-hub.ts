import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Role } from '@layso/shared';
import { DeviceStore } from '../devices/device-store.js';
import { openDatabase } from '../store/open-database.js';
import { databaseFile } from './db-snapshot.js';
import { http } from './http-client.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = 'apps/hub/src/cli/main.ts';

/**
 * `node --import tsx` rather than `npx tsx`: it starts in well under a second, and
 * the hub is then this very process, so a SIGKILL hits the hub itself (the tsx CLI
 * would run it as a grandchild that outlives a killed parent).
 */
function cliArgs(args: readonly string[]): string[] {
  return ['--import', 'tsx', CLI, ...args];
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to completion (e.g. `token create`). */
export function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(args), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`layso ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Creates a device token through the CLI, as an installer would. */
export async function createTokenWithCli(dataDir: string, role: string, counter?: number): Promise<string> {
  const result = await runCli(['token', 'create', '--data', dataDir, '--role', role, ...(counter === undefined ? [] : ['--counter', String(counter)])]);
  if (result.code !== 0) throw new Error(`token create failed (${result.code}): ${result.stderr}`);
  return result.stdout.trim();
}

export interface SpawnedHub {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Resolves when the process has exited (with its code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown handler runs, as in a crash or power cut of the process. */
  kill(): Promise<void>;
  /** SIGTERM: the CLI's graceful shutdown. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/**
 * `layso serve` as a child process on 127.0.0.1 and an OS-chosen port. Resolves once
 * it printed its address and answers /api/health.
 */
export async function spawnHub(options: { dataDir: string; config?: string; timeoutMs?: number }): Promise<SpawnedHub> {
  const args = ['serve', '--port', '0', '--host', '127.0.0.1', '--data', options.dataDir, ...(options.config ? ['--config', options.config] : [])];
  const child = spawn(process.execPath, cliArgs(args), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start in time:\n${output}`)), options.timeoutMs ?? 60_000);
    const onData = (chunk: string) => {
      output += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const health = await http(url, 'GET', '/api/health');
  if (health.status !== 200) throw new Error(`hub is up but unhealthy: ${health.status} ${health.text}`);
  return {
    url,
    port,
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** SIGKILLs every hub this module started and that is still running (test cleanup). */
export async function killAllSpawnedHubs(): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))));
}

/**
 * Tokens written straight into a (stopped) hub's data folder with the same code
 * `token create` runs, minus a process start per token. The CLI itself is covered
 * by cli.integration.test.ts.
 */
export function provisionTokens(dataDir: string, role: Role, count: number): string[] {
  const db = openDatabase(databaseFile(dataDir));
  try {
    const devices = new DeviceStore(db);
    return Array.from({ length: count }, (_, i) => devices.create(role, { name: `${role} ${i + 1}` }).token);
  } finally {
    db.close();
  }
}
