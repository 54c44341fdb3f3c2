import type { Role } from '@layso/shared';

/**
 * The authenticated caller of a request or socket: a device token, or a person signed in
 * at /admin. The transport (http/, realtime/) and every feature speak of callers through
 * this type alone, so none of them needs the device store to know who is asking.
 */
export interface Device {
  id: number;
  role: Role;
  counter: number | null;
  name: string | null;
  /**
   * Set when the caller is a person signed in at /admin (role `admin`) rather than a
   * device token. Such callers act under `id = -user.id`, so request-id idempotency
   * stays per person and never collides with a device.
   */
  user?: { id: number; username: string };
}
