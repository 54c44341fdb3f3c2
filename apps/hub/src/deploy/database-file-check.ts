import { closeSync, constants, openSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * The hub must not start on this database: a person has to look (exit code 65,
 * `EXIT_CODE.DATA`, which systemd and the Windows service do not restart).
 */
export class DatabaseNeedsAttentionError extends Error {}

/** SQLite's answers for a file that is not a usable database (as opposed to a full disk or a locked file, which pass). */
const UNUSABLE = /^SQLITE_(NOTADB|CORRUPT|CANTOPEN|PERM|READONLY|AUTH)/;

export function isUnusableDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNUSABLE.test(code);
}

/** The newest backup file in DATA/backups (upgrade copies, downloads, restores) and DATA/backups/nightly. */
export function newestBackup(backupDir: string): string | null {
  let best: { file: string; mtime: number } | null = null;
  for (const dir of [backupDir, join(backupDir, 'nightly')]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(db|sqlite)$/.test(name)) continue;
      try {
        const stat = statSync(join(dir, name));
        if (stat.isFile() && stat.size > 0 && (!best || stat.mtimeMs > best.mtime)) best = { file: join(dir, name), mtime: stat.mtimeMs };
      } catch {
        // Gone or unreadable: not a candidate.
      }
    }
  }
  return best?.file ?? null;
}

/**
 * The command that puts a backup back, as this hub was started: `node …/hub.mjs` in
 * an installed release, `pnpm layso` from a source checkout (docs/install.md §9).
 */
function restoreCommand(dataDir: string, backupDir: string): string {
  const entry = process.argv[1] ?? '';
  const program = entry.endsWith('.mjs') ? `node ${entry}` : 'pnpm layso';
  const from = newestBackup(backupDir) ?? join(backupDir, '<backup file>');
  return `${program} backup restore --data ${dataDir} --from ${from}`;
}

function restoreAdvice(dataDir: string, backupDir: string): string {
  const newest = newestBackup(backupDir);
  return (
    `Keep a copy of the data folder, then restore the latest backup with the hub stopped: ${restoreCommand(dataDir, backupDir)}` +
    (newest ? ' (the newest backup found).' : ` (no backup was found in ${backupDir}: use the copy kept off this machine, docs/install.md section 9).`)
  );
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a link';
  return 'not a regular file';
}

/**
 * Looks at an existing database file before SQLite opens it. SQLite itself takes a
 * zero-length file for a new, empty database, and the hub would then start as a brand
 * new demo center with a new admin: a center whose file was emptied (a failed copy, a
 * full disk during a restore, a bad sync tool) would not notice. A missing file is
 * fine — that is a new installation.
 */
export function checkDatabaseFile(file: string, dataDir: string, backupDir: string): void {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new DatabaseNeedsAttentionError(`cannot look at the database ${file}: ${(error as Error).message}. Check the data folder's path and permissions (it belongs to the hub's user).`, { cause: error });
  }
  if (!stat.isFile()) {
    throw new DatabaseNeedsAttentionError(`the database ${file} is ${kindOf(stat)}, not a database file. Move it away and restore the database. ${restoreAdvice(dataDir, backupDir)}`);
  }
  try {
    closeSync(openSync(file, constants.O_RDWR));
  } catch (error) {
    throw new DatabaseNeedsAttentionError(
      `cannot open the database ${file} for reading and writing: ${(error as Error).message}. ` +
        'Give it back to the hub\'s user (Linux: sudo chown layso:layso and chmod 640 the file and its -wal/-shm files) and start again.',
      { cause: error },
    );
  }
  if (stat.size === 0) {
    throw new DatabaseNeedsAttentionError(
      `the database ${file} is empty (0 bytes): the center's tickets, devices and configuration are missing, so the hub will not start as a new center on it. ` +
        `${restoreAdvice(dataDir, backupDir)} If this really is a new installation with no data yet, delete the empty file and start again.`,
    );
  }
}

/** The refusal for a file SQLite cannot use (damaged, not a database, unreadable). */
export function unusableDatabase(file: string, dataDir: string, backupDir: string, error: unknown): DatabaseNeedsAttentionError {
  return new DatabaseNeedsAttentionError(
    `the database ${file} cannot be used: ${(error as Error).message} (${String((error as { code?: unknown }).code)}). It is damaged or not a layso database. ${restoreAdvice(dataDir, backupDir)}`,
    { cause: error },
  );
}
