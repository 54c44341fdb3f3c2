/**
 * Test helper: a pair of connected pseudo-terminals made by socat, standing in for
 * a serial cable between the kiosk and a printer. Link names are unique per call
 * so parallel test files never share a pair.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** The kiosk's end. */
  a: string;
  /** The printer's end. */
  b: string;
  close(): Promise<void>;
}

let counter = 0;

export async function openPtyPair(timeoutMs = 10_000): Promise<PtyPair> {
  const base = path.join(tmpdir(), `layso-pty-${process.pid}-${Date.now()}-${counter++}`);
  const a = `${base}-a`;
  const b = `${base}-b`;
  const socat: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  socat.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const close = async () => {
    if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
    await exited;
  };
  const spawnError = new Promise<never>((_, reject) =>
    socat.once('error', (error) => reject(new Error(`cannot start socat: ${error.message}`))),
  );
  // socat logs "starting data transfer loop" once both ptys and links exist.
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!(existsSync(a) && existsSync(b) && log.includes('starting data transfer loop'))) {
      if (socat.exitCode !== null) throw new Error(`socat exited with ${socat.exitCode}: ${log}`);
      if (Date.now() > deadline) throw new Error(`socat links not ready after ${timeoutMs} ms: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await Promise.race([ready, spawnError]);
  } catch (error) {
    await close();
    throw error;
  }
  return { a, b, close };
}
