import type Database from 'better-sqlite3';
import type { BackupListResponse } from '@layso/shared';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { auditActor } from '../auth/audit-actor.js';
import type { Device } from '../auth/caller.js';
import type { Clock } from '../queue/ports.js';
import { downloadName } from './backup-names.js';
import type { NightlyBackup } from './nightly-backup.js';
import { backupDownload, type BackupDownload } from './online-backup.js';

export interface BackupServiceDeps {
  db: Database.Database;
  dataDir: string;
  audit: AuditLogStore;
  nightly: NightlyBackup;
  clock: Clock;
  settings(): { hour: number; keepDays: number; timeZone: string };
}

/** A backup taken now for download (audited), and the nightly ones (restore is a CLI step). */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  /** A consistent copy of the database, streamed from a temporary file that goes when the stream ends. */
  async download(caller: Device | null): Promise<BackupDownload & { fileName: string }> {
    const now = this.deps.clock.now();
    const fileName = downloadName(now, this.deps.settings().timeZone);
    const { stream, size } = await backupDownload(this.deps.db, this.deps.dataDir);
    try {
      // Who took a copy of the whole database is worth knowing (it holds personal data).
      this.deps.audit.record({ actor: auditActor(caller), action: 'backup.download', target: fileName, after: { sizeBytes: size } }, now);
    } catch (error) {
      stream.destroy(); // removes the copy
      throw error;
    }
    return { stream, size, fileName };
  }

  nightly(): BackupListResponse {
    const { hour, keepDays } = this.deps.settings();
    return { backups: this.deps.nightly.list(), hour, keepDays };
  }
}
