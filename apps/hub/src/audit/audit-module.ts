import type { HubModule } from '../http/hub-module.js';
import type { AuditLogStore } from './audit-log-store.js';
import { auditNames, type AuditNameSources } from './audit-names.js';
import { buildAuditRoutes } from './audit-routes.js';

/**
 * The audit log's reading side (GET /api/admin/audit). The one AuditLogStore is made in
 * create-hub and handed to every module that records entries, inside its own transactions.
 */
export function createAuditModule(deps: { audit: AuditLogStore; names: AuditNameSources }): HubModule {
  return { name: 'audit', routes: buildAuditRoutes(deps.audit, auditNames(deps.names)) };
}
