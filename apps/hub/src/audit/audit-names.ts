import { CLIP_WORDS, isClipId, type CenterConfig } from '@layso/shared';
import type { AuditNames } from './audit-routes.js';

type Person = { username: string; displayName: string | null };

/** Where the names come from (admin users, clerks, devices and the configuration, as they are now). */
export interface AuditNameSources {
  users: { byUsername(username: string): Person | null; byId(id: number): Person | null };
  clerks: { byId(id: number): { name: string } | null };
  devices: { byId(id: number): { name: string | null } | null };
  config(): CenterConfig;
}

/**
 * Names a person reads for the audit log's `admin:quantri`, `device:5 Kiosk`,
 * `admin-user:1`, `clerk:3`, `service:visa`… (as they are now; null when gone or
 * when there is nothing better than the raw value, e.g. a counter's number).
 */
export function auditNames(deps: AuditNameSources): AuditNames {
  const user = (record: { username: string; displayName: string | null } | null) => (record ? (record.displayName ?? record.username) : null);
  const id = (text: string) => (/^\d{1,15}$/.test(text) ? Number(text) : null);
  return {
    actor(actor) {
      if (actor.startsWith('admin:')) {
        const username = actor.slice('admin:'.length);
        return user(deps.users.byUsername(username)) ?? username;
      }
      const device = /^device:(\d{1,15})(?: (.*))?$/.exec(actor);
      if (device) return deps.devices.byId(Number(device[1]))?.name ?? device[2] ?? null;
      return null;
    },
    target(target) {
      if (!target) return null;
      const colon = target.indexOf(':');
      if (colon < 0) return null;
      const kind = target.slice(0, colon);
      const key = target.slice(colon + 1);
      const config = deps.config();
      switch (kind) {
        case 'admin-user':
          return id(key) === null ? null : user(deps.users.byId(id(key)!));
        case 'clerk':
          return id(key) === null ? null : (deps.clerks.byId(id(key)!)?.name ?? null);
        case 'device':
          return id(key) === null ? null : (deps.devices.byId(id(key)!)?.name ?? null);
        case 'service':
          return config.areas.flatMap((a) => a.services).find((s) => s.id === key)?.name ?? null;
        case 'area':
          return config.areas.find((a) => a.id === key)?.name ?? null;
        case 'voice':
          // The words of the clip ("«đến quầy số»"); a chime has none, its id says it.
          return isClipId(key) && CLIP_WORDS[key] ? `«${CLIP_WORDS[key]}»` : null;
        default:
          return null;
      }
    },
  };
}
