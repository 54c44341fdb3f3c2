import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small tmpfs a test can fill to the last byte, or why there is none here. */
export type SmallDisk = { ok: true; path: string; unmount(): void } | { ok: false; reason: string };

/**
 * Mounts an 8 MB tmpfs on a new temp folder (`mount -t tmpfs -o size=8m`): a real
 * file system that runs out of space, for disk-full tests. Needs root (or
 * CAP_SYS_ADMIN); where that is missing, `reason` says so and the test skips with it.
 */
export function mountSmallDisk(sizeMb = 8): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'layso-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const why = String((error as { stderr?: unknown }).stderr ?? error).trim();
    return { ok: false, reason: `cannot mount a ${sizeMb} MB tmpfs for the disk-full test (needs root or CAP_SYS_ADMIN): ${why}` };
  }
  return {
    ok: true,
    path: dir,
    unmount() {
      // Lazy: a process that is still exiting may hold a file there for a moment.
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes `file` until its file system has no byte left (ENOSPC); returns the bytes written. */
export function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x66);
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}
