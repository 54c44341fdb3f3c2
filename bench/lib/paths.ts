import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ lives directly under it). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Scratch space for every benchmark: data folders, the seeded-history cache, results. */
export const BENCH_DIR = process.env.LAYSO_BENCH_DIR ?? '/tmp/layso-bench';

/** An empty folder under BENCH_DIR (whatever a previous run left there is removed). */
export function freshDir(...parts: string[]): string {
  const dir = join(BENCH_DIR, ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Milliseconds on CLOCK_MONOTONIC: the same clock in every process on the machine, so
 * a time taken in a client process can be compared with one taken in the bench.
 */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
