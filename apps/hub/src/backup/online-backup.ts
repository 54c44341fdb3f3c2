import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type Database from 'better-sqlite3';

/**
 * A consistent copy of the live database, taken with SQLite's online backup API while
 * the hub keeps issuing tickets (writes during the copy are carried over or restart
 * it, so the copy is one committed state). Written to a temp name, then renamed, so a
 * half-written file never carries the final name.
 */
export async function backupTo(db: Database.Database, file: string): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await db.backup(temp);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const DOWNLOAD_COPY = /^download-[0-9a-f]{12}\.sqlite(\.[0-9a-f]{8}\.partial)?$/;

/** A backup being sent: read from a temp file, never held in memory (a year of history is over a gigabyte). */
export interface BackupDownload {
  stream: Readable;
  /** Bytes in the file: the Content-Length, so a cut-off download is detectable. */
  size: number;
}

/**
 * A consistent copy for a download, in a temp file in the data folder (same disk, no
 * /tmp limits) that is removed as soon as the stream closes: sent in full, the client
 * hung up (the response pipeline destroys the stream), or the caller destroyed it.
 * The stream must be consumed or destroyed, or the file stays until the next start.
 */
export async function backupDownload(db: Database.Database, dataDir: string): Promise<BackupDownload> {
  const file = join(dataDir, `download-${randomBytes(6).toString('hex')}.sqlite`);
  let handle: FileHandle | undefined;
  try {
    await backupTo(db, file);
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    // Opened before the reply starts, so a failure here still answers with the error shape.
    const stream = handle.createReadStream();
    // Never throws from the event (that would stop the hub): a file that cannot go now goes at the next start.
    stream.once('close', () => void rm(file, { force: true }).catch(() => {}));
    return { stream, size };
  } catch (error) {
    await handle?.close();
    rmSync(file, { force: true });
    throw error;
  }
}

/** Removes download copies left by a hub that stopped mid-download (each is a whole database). */
export function removeStaleDownloads(dataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) if (DOWNLOAD_COPY.test(name)) rmSync(join(dataDir, name), { force: true });
}
