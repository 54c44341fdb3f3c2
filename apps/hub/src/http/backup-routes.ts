import type Database from 'better-sqlite3';
import { auditActor } from '../auth/audit-actor.js';
import { downloadName } from '../backup/backup-names.js';
import type { NightlyBackup } from '../backup/nightly-backup.js';
import { backupDownload, removeStaleDownloads } from '../backup/online-backup.js';
import type { Clock } from '../queue/ports.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { route, type Route } from './router.js';

export interface BackupRouteDeps {
  db: Database.Database;
  dataDir: string;
  audit: AuditLogStore;
  nightly: NightlyBackup;
  clock: Clock;
  settings(): { hour: number; keepDays: number; timeZone: string };
}

const adminOnly = { roles: ['admin'] as const };

/** Download a backup now, and list the nightly ones (restore is a CLI step: docs/admin-access.md). */
export function buildBackupRoutes(deps: BackupRouteDeps): Route[] {
  removeStaleDownloads(deps.dataDir);
  return [
    route({
      method: 'GET',
      path: '/api/admin/backup',
      access: adminOnly,
      handle: async ({ device }) => {
        const now = deps.clock.now();
        const fileName = downloadName(now, deps.settings().timeZone);
        const { stream, size } = await backupDownload(deps.db, deps.dataDir);
        try {
          // Who took a copy of the whole database is worth knowing (it holds personal data).
          deps.audit.record({ actor: auditActor(device), action: 'backup.download', target: fileName, after: { sizeBytes: size } }, now);
        } catch (error) {
          stream.destroy(); // removes the copy
          throw error;
        }
        return { file: { contentType: 'application/vnd.sqlite3', fileName, stream, size } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/admin/backups',
      access: adminOnly,
      handle: () => {
        const { hour, keepDays } = deps.settings();
        return { body: { backups: deps.nightly.list(), hour, keepDays } };
      },
    }),
  ];
}
