import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupFile } from '@layso/shared';
import type { Clock } from '../queue/ports.js';
import { nightlyDay, nightlyName } from './backup-names.js';
import { dueDay, expiredDays, type NightlySettings } from './nightly-plan.js';
import { backupTo } from './online-backup.js';

export const NIGHTLY_DIR = join('backups', 'nightly');
const RETRY_MS = 10 * 60_000;
/**
 * No backup in the first minutes after a start: the start itself may just have copied
 * the database (schema upgrade) and kiosks are reconnecting; a missed nightly is
 * caught up right after.
 */
const START_DELAY_MS = 5 * 60_000;

/**
 * The nightly backup: `check()` runs from the hub's periodic tick (driven by its
 * clock), takes `<data>/backups/nightly/layso-<day>.sqlite` once the configured hour
 * has passed, and deletes the ones older than `keepDays`.
 */
export class NightlyBackup {
  private running: Promise<void> | null = null;
  /** After a failure (a full disk), wait before trying again rather than every tick. */
  private retryAt: number;
  private readonly dir: string;

  constructor(
    private readonly deps: {
      db: Database.Database;
      dataDir: string;
      clock: Clock;
      settings(): NightlySettings;
      log(message: string, error?: unknown): void;
    },
  ) {
    this.dir = join(deps.dataDir, NIGHTLY_DIR);
    this.retryAt = deps.clock.now() + START_DELAY_MS;
  }

  /** Starts a backup if one is due (not in the first 5 minutes after start); a check while one runs returns that run. */
  check(): Promise<void> {
    if (this.deps.clock.now() < this.retryAt) return Promise.resolve();
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no backup is being written (the hub waits for it before closing the database). */
  async idle(): Promise<void> {
    await this.running;
  }

  list(): BackupFile[] {
    return this.files()
      .map(({ day, fileName }) => {
        const stat = statSync(join(this.dir, fileName));
        return { fileName, day, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => b.day.localeCompare(a.day));
  }

  private files(): { day: string; fileName: string }[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.flatMap((fileName) => {
      const day = nightlyDay(fileName);
      return day ? [{ day, fileName }] : [];
    });
  }

  private async run(): Promise<void> {
    const settings = this.deps.settings();
    const now = this.deps.clock.now();
    const existing = this.files();
    const day = dueDay(now, settings, new Set(existing.map((f) => f.day)));
    try {
      if (!day) return;
      mkdirSync(this.dir, { recursive: true });
      // Only failures are logged: the file itself (and GET /api/admin/backups) shows success.
      await backupTo(this.deps.db, join(this.dir, nightlyName(day)));
      // Old ones go only after a new one is safely written: failing backups never eat the last good ones.
      for (const old of expiredDays(now, settings, existing.map((f) => f.day))) rmSync(join(this.dir, nightlyName(old)), { force: true });
    } catch (error) {
      this.retryAt = now + RETRY_MS;
      this.deps.log('nightly backup failed; trying again in 10 minutes', error);
    }
  }
}
