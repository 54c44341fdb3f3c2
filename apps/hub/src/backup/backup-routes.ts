import { route, type Route } from '../http/router.js';
import type { BackupService } from './backup-service.js';

const adminOnly = { roles: ['admin'] as const };

/** Download a backup now, and list the nightly ones (restore is a CLI step: docs/admin-access.md). */
export function buildBackupRoutes(backups: BackupService): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/admin/backup',
      access: adminOnly,
      handle: async ({ device }) => {
        const { stream, size, fileName } = await backups.download(device);
        return { file: { contentType: 'application/vnd.sqlite3', fileName, stream, size } };
      },
    }),
    route({ method: 'GET', path: '/api/admin/backups', access: adminOnly, handle: () => ({ body: backups.nightly() }) }),
  ];
}
