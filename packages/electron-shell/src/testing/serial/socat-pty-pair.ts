import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../wait-for.js';

/**
 * A virtual null-modem cable: two pseudo-terminals joined by socat, reachable
 * through stable symlinks. Whatever is written to one end is read at the other,
 * so a driver on end A can be tested with a real `serialport` on end B.
 * Stopping socat makes both ends disappear, like an unplugged USB adapter;
 * starting a new pair with the same paths plugs it back in.
 */
export interface SocatPtyPair {
  readonly pathA: string;
  readonly pathB: string;
  /** Kills socat (if still running) and removes the links. Safe to call twice. */
  stop(): Promise<void>;
}

export interface SocatPtyPaths {
  pathA: string;
  pathB: string;
}

export interface StartSocatPtyPairOptions {
  /** Reuse paths (to "replug" after stop()); default: fresh unique paths. */
  paths?: SocatPtyPaths;
  timeoutMs?: number;
}

/** Unique link paths so parallel test files never share a pty. */
export function uniquePtyPaths(label = 'layso-pty'): SocatPtyPaths {
  const base = join(tmpdir(), `${label}-${process.pid}-${randomBytes(4).toString('hex')}`);
  return { pathA: `${base}-a`, pathB: `${base}-b` };
}

export async function startSocatPtyPair(options: StartSocatPtyPairOptions = {}): Promise<SocatPtyPair> {
  const { pathA, pathB } = options.paths ?? uniquePtyPaths();
  // Stale links from a crashed run would make the "links exist" wait pass too early.
  await removeLink(pathA);
  await removeLink(pathB);

  const child = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${pathA}`, `pty,raw,echo=0,link=${pathB}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | null = null;
  child.once('error', (error) => {
    spawnError = error;
  });

  const pair: SocatPtyPair = { pathA, pathB, stop: () => stopSocat(child, exited, pathA, pathB) };
  try {
    await waitFor(
      `socat links ${pathA} and ${pathB}`,
      async () => {
        if (spawnError) throw spawnError;
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`socat exited early: ${stderr.trim()}`);
        }
        return (await isLink(pathA)) && (await isLink(pathB));
      },
      { timeoutMs: options.timeoutMs ?? 10_000 },
    );
  } catch (error) {
    await pair.stop();
    throw error;
  }
  return pair;
}

async function stopSocat(child: ChildProcess, exited: Promise<void>, pathA: string, pathB: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    // SIGTERM lets socat close both ptys and unlink its links, which is what a real
    // unplug looks like to the driver; SIGKILL only if it does not go quietly.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await removeLink(pathA);
  await removeLink(pathB);
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

async function removeLink(path: string): Promise<void> {
  if (await isLink(path)) await unlink(path).catch(() => undefined);
}
