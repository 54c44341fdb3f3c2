import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

/** The whole backup in memory for a download; the temp file lives in the data folder (same disk, no /tmp limits). */
export async function backupBytes(db: Database.Database, dataDir: string): Promise<Buffer> {
  const file = join(dataDir, `download-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    await backupTo(db, file);
    return readFileSync(file);
  } finally {
    rmSync(file, { force: true });
  }
}
