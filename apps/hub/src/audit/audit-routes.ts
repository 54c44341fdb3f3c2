import { auditQuerySchema } from '@layso/shared';
import type { AuditLogStore } from './audit-log-store.js';
import { route, type Route } from '../http/router.js';

const DEFAULT_LIMIT = 100;

/** Names for an entry's actor and target, as they are now (null: unknown or gone). */
export interface AuditNames {
  actor(actor: string): string | null;
  target(target: string | null): string | null;
}

/** GET /api/admin/audit: the audit log, newest first, paged backwards by id, with names for people. */
export function buildAuditRoutes(audit: AuditLogStore, names: AuditNames): Route[] {
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
          ...(query.actor ? { actor: query.actor } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          limit,
        });
        const entries = records.map((r) => ({ ...r, at: new Date(r.at).toISOString(), actorName: names.actor(r.actor), targetName: names.target(r.target) }));
        return { body: { entries, nextBeforeId: records.length === limit ? records[records.length - 1]!.id : null } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/admin/audit/actors',
      access: { roles: ['admin'] },
      handle: () => ({ body: { actors: audit.actors().map((actor) => ({ actor, name: names.actor(actor) })) } }),
    }),
  ];
}
