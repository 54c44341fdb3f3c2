import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs the production bundle (release/hub.mjs) as the service manager would: plain
 * `node hub.mjs …`, its own folder as the working directory, and an environment with
 * nothing from this workspace (no LAYSO_* variables, no NODE_OPTIONS, no tsx).
 */
export function bundleEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...extra };
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BundleProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  exited: Promise<ExitStatus>;
  kill(signal?: NodeJS.Signals): Promise<ExitStatus>;
}

export function spawnBundle(releaseDir: string, args: readonly string[]): { child: ChildProcess; output(): string; exited: Promise<ExitStatus> } {
  const child = spawn(process.execPath, [join(releaseDir, 'hub.mjs'), ...args], { cwd: releaseDir, env: bundleEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<ExitStatus>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

/** One command run to its end (`token create`, a start that must be refused). */
export async function runBundle(releaseDir: string, args: readonly string[]): Promise<ExitStatus & { output: string }> {
  const run = spawnBundle(releaseDir, args);
  const status = await run.exited;
  // 'exit' can come before the last output chunk; 'close' is after both streams ended.
  await new Promise((resolve) => (run.child.stdout!.closed && run.child.stderr!.closed ? resolve(null) : run.child.once('close', resolve)));
  return { ...status, output: run.output() };
}

/** `hub.mjs serve …`; resolves once it printed its address. */
export async function startBundle(releaseDir: string, args: readonly string[], timeoutMs = 30_000): Promise<BundleProcess> {
  const run = spawnBundle(releaseDir, ['serve', ...args]);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bundled hub did not start in time:\n${run.output()}`)), timeoutMs);
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(run.output());
      if (!match) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    };
    run.child.stdout!.on('data', onData);
    void run.exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`the bundled hub exited (${status.code ?? status.signal}) before listening:\n${run.output()}`));
    });
  });
  return {
    ...run,
    url: `http://127.0.0.1:${port}`,
    port,
    kill: async (signal = 'SIGKILL') => {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
      return run.exited;
    },
  };
}
