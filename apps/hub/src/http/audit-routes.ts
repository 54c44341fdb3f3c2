import { auditQuerySchema } from '@layso/shared';
import type { AuditLogStore } from '../store/audit-log-store.js';
import { route, type Route } from './router.js';

const DEFAULT_LIMIT = 100;

/** GET /api/admin/audit: the audit log, newest first, paged backwards by id. */
export function buildAuditRoutes(audit: AuditLogStore): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/admin/audit',
      access: { roles: ['admin'] },
      query: auditQuerySchema,
      handle: ({ query }) => {
        const limit = query.limit ?? DEFAULT_LIMIT;
        const records = audit.list({
          ...(query.from ? { from: Date.parse(query.from) } : {}),
          ...(query.to ? { to: Date.parse(query.to) } : {}),
          ...(query.beforeId ? { beforeId: query.beforeId } : {}),
          limit,
        });
        const entries = records.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
        return { body: { entries, nextBeforeId: records.length === limit ? records[records.length - 1]!.id : null } };
      },
    }),
  ];
}
