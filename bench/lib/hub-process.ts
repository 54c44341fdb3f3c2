import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { processCpuMs } from './cpu-load.js';
import { call, keepAliveAgent } from './http-client.js';
import { REPO_ROOT, sleep } from './paths.js';

/** A server under test running in its own process (the hub, or the control server). */
export interface HubProcess {
  pid: number;
  port: number;
  url: string;
  /** VmRSS and VmHWM (peak) of the hub process, in MB. */
  memory(): { rssMb: number; peakMb: number };
  /** What the hub printed (stdout and stderr), for error messages. */
  output(): string;
  /** Null while running; otherwise how it ended and the tail of its output. */
  exitReport(): string | null;
  /** CPU time (user + system) the hub process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

// Hubs still running when the bench exits (an error, Ctrl-C) are killed with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `error`, with the output of any of `servers` that died added (the usual cause of a reset connection). */
export async function withExitReports(error: unknown, servers: readonly (HubProcess | undefined)[]): Promise<Error> {
  await sleep(300); // the child's exit is reported a moment after its sockets reset
  const reports = servers.flatMap((s) => (s ? [s.exitReport()] : [])).filter((r): r is string => r !== null);
  const base = error instanceof Error ? error : new Error(String(error));
  if (reports.length > 0) base.message += `\n${reports.join('\n')}`;
  return base;
}

/** A port nobody listens on right now (the hub CLI wants an explicit one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the hub as its own process, exactly as an operator would (the CLI's `serve`),
 * bound to 127.0.0.1, and waits until /api/health answers.
 */
export async function spawnHub(dataDir: string, options: { config?: string; startTimeoutMs?: number } = {}): Promise<HubProcess> {
  const port = await freePort();
  const args = ['apps/hub/src/cli/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir];
  if (options.config) args.push('--config', options.config);
  return spawnServer('hub', port, args, options.startTimeoutMs);
}

/**
 * Starts the control server (bench/lib/control-server.ts): the hub's transport stack
 * (node:http + socket.io) with none of its logic and no database.
 */
export async function spawnControlServer(): Promise<HubProcess> {
  const port = await freePort();
  return spawnServer('control server', port, [fileURLToPath(new URL('./control-server.ts', import.meta.url)), String(port)]);
}

async function spawnServer(what: string, port: number, script: string[], startTimeoutMs = 30_000): Promise<HubProcess> {
  const args = ['--import', 'tsx', ...script];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the ${what} process`);

  const agent = keepAliveAgent();
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}:\n${output}`);
    try {
      const reply = await call({ port, agent }, 'GET', '/api/health', { timeoutMs: 1_000 });
      if (reply.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${what} did not answer /api/health within ${startTimeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }
  agent.destroy();

  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exitReport: () =>
      child.exitCode === null && child.signalCode === null ? null : `${what} (pid ${pid}) exited with ${child.exitCode ?? child.signalCode}:\n${output.slice(-3_000)}`,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    cpuMs: () => processCpuMs(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
