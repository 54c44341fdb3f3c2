import { statfsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { ClockStatus } from '@layso/shared';
import { schemaVersion } from '../store/migrate.js';
import type { CheckpointStats } from '../store/wal-checkpointer.js';
import type { StorageStatus } from '../store/storage-watch.js';
import type { CertificateInfo } from './tls-files.js';

export interface HealthReportDeps {
  db: Database.Database;
  dataDir: string;
  startedAt: number;
  /** Sockets connected now, per role (and `public` for screens without a token). */
  devicesOnline(): Record<string, number>;
  /** The portal listener's certificate, when HTTPS is configured. */
  portalCertificate?(): CertificateInfo | null;
  /** The LAN's HTTPS listener; null = the LAN is plain HTTP only (the admin console warns). */
  lanHttps?(): (CertificateInfo & { port: number }) | null;
  /** Whether WAL checkpoints run on the worker thread, and how much it copied. */
  checkpoints?(): CheckpointStats;
  /** The hub's time and unacknowledged clock jumps (a warning only: it does not make `ok` false). */
  clock?(): ClockStatus;
  /** Whether writes are refused (disk full or failing); asking may probe with a tiny write. */
  storage?(): StorageStatus;
  now?: () => number;
}

/** A type, not an interface: it is handed on as a plain JSON record. */
export type HealthDetails = {
  ok: boolean;
  uptimeSec: number;
  database: { ok: boolean; schemaVersion: number | null; quickCheck: string; quickCheckAt: string; checkpoints?: CheckpointStats; error?: string };
  disk: { path: string; freeBytes: number; totalBytes: number } | { path: string; error: string };
  /** `full` / `io-error` while writes are refused (health answers 503), `ok` otherwise. */
  storage: 'ok' | 'full' | 'io-error';
  storageProblem?: { since: string; error: string };
  devicesOnline: Record<string, number>;
  portalTls: CertificateInfo | null;
  clock?: ClockStatus;
  lanTls: (CertificateInfo & { port: number }) | null;
};

/**
 * What /api/health adds to `{ ok, day, version }` for whoever looks after the box:
 * uptime, the database (a cheap read on every call; `PRAGMA quick_check` once at
 * start, cached, because it reads the whole file), free space where the data lives,
 * whether the storage refuses writes (a full disk: `storage: 'full'`, answered 503
 * until a write succeeds again), and how many devices are connected per role.
 */
export function createHealthReport(deps: HealthReportDeps): () => HealthDetails {
  const now = deps.now ?? Date.now;
  const quick = (() => {
    try {
      const rows = deps.db.pragma('quick_check') as { quick_check: string }[];
      return rows.map((r) => r.quick_check).join('; ');
    } catch (error) {
      return `quick_check failed: ${(error as Error).message}`;
    }
  })();
  const quickCheckAt = new Date(now()).toISOString();

  return () => {
    let database: HealthDetails['database'];
    try {
      database = { ok: quick === 'ok', schemaVersion: schemaVersion(deps.db), quickCheck: quick, quickCheckAt, ...(deps.checkpoints ? { checkpoints: deps.checkpoints() } : {}) };
    } catch (error) {
      database = { ok: false, schemaVersion: null, quickCheck: quick, quickCheckAt, error: (error as Error).message };
    }
    let disk: HealthDetails['disk'];
    try {
      const stats = statfsSync(deps.dataDir);
      disk = { path: deps.dataDir, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
    } catch (error) {
      disk = { path: deps.dataDir, error: (error as Error).message };
    }
    const storage = deps.storage?.() ?? { problem: null, since: null, error: null };
    return {
      ok: database.ok && storage.problem === null,
      storage: storage.problem ?? 'ok',
      ...(storage.problem ? { storageProblem: { since: new Date(storage.since ?? now()).toISOString(), error: storage.error ?? '' } } : {}),
      uptimeSec: Math.floor((now() - deps.startedAt) / 1000),
      database,
      disk,
      devicesOnline: deps.devicesOnline(),
      portalTls: deps.portalCertificate?.() ?? null,
      ...(deps.clock ? { clock: deps.clock() } : {}),
      lanTls: deps.lanHttps?.() ?? null,
    };
  };
}
