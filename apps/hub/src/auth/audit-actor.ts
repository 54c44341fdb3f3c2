import type { Device } from './caller.js';

/** The "who" of an audit entry: the signed-in person, or the admin device token used. */
export function auditActor(caller: Device | null): string {
  if (!caller) return 'system';
  if (caller.user) return `admin:${caller.user.username}`;
  return `device:${caller.id}${caller.name ? ` ${caller.name}` : ''}`;
}
