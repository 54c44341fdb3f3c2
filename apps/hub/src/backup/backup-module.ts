import type Database from 'better-sqlite3';
import type { CenterConfig } from '@layso/shared';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { HubModule } from '../http/hub-module.js';
import type { Clock } from '../queue/ports.js';
import { buildBackupRoutes } from './backup-routes.js';
import { BackupService } from './backup-service.js';
import { NightlyBackup } from './nightly-backup.js';
import { removeStaleDownloads } from './online-backup.js';

export interface BackupModuleDeps {
  db: Database.Database;
  dataDir: string;
  audit: AuditLogStore;
  clock: Clock;
  config(): CenterConfig;
  log(message: string, error?: unknown): void;
}

export interface BackupModule extends HubModule {
  nightly: NightlyBackup;
}

/**
 * Backups: a download taken now and the list of nightly ones (routes), the nightly job
 * itself (checked on every tick; close waits for one in progress).
 */
export function createBackupModule(deps: BackupModuleDeps): BackupModule {
  const settings = () => ({ ...deps.config().backup, timeZone: deps.config().timeZone });
  const nightly = new NightlyBackup({ db: deps.db, dataDir: deps.dataDir, clock: deps.clock, settings, log: deps.log });
  const backups = new BackupService({ db: deps.db, dataDir: deps.dataDir, audit: deps.audit, nightly, clock: deps.clock, settings });
  return {
    name: 'backup',
    routes: buildBackupRoutes(backups),
    nightly,
    // A download copy left by a crash mid-download is removed before anyone can ask for a new one.
    start: () => removeStaleDownloads(deps.dataDir),
    tick: () => void nightly.check(),
    stop: () => nightly.idle(),
  };
}
