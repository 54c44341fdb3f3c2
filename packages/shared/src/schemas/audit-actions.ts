/**
 * Every kind of audit entry the hub writes. The hub's audit store takes only these, so
 * a new kind is added here first, and the admin console's sentence table
 * (apps/hub/admin/src/logic/audit-text.ts) must then word it: both are checked by the
 * type system and by audit-text.test.ts.
 */
export const AUDIT_ACTIONS = [
  'admin.sign-in',
  'admin.sign-in-failed',
  'admin.sign-out',
  'admin.password-change',
  'admin.password-reset',
  'admin-user.create',
  'admin-user.disable',
  'admin-user.enable',
  'clerk.create',
  'clerk.rename',
  'clerk.pin-reset',
  'clerk.disable',
  'clerk.enable',
  'clerk.sign-in',
  'clerk.sign-in-failed',
  'clerk.sign-out',
  'area.create',
  'area.update',
  'area.delete',
  'service.create',
  'service.update',
  'service.delete',
  'service.pause',
  'service.resume',
  'counter.create',
  'counter.update',
  'counter.delete',
  'counter.undo',
  'settings.update',
  'day.close',
  'day.reopen',
  'device.pair',
  'device.rename',
  'device.revoke',
  'device.command',
  'device.pin-failure',
  'backup.download',
  'clock.acknowledge',
  'voice.record',
  'voice.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The part before the dot: what the audit log's "kind" filter offers. */
export const AUDIT_KINDS = [...new Set(AUDIT_ACTIONS.map((a) => a.slice(0, a.indexOf('.'))))] as readonly string[];
