import { ErrorCode } from '@layso/shared';
import type { AdminAuthService, ResolvedSession } from '../admin-auth/admin-auth-service.js';
import type { Device } from './caller.js';
import type { DeviceStore } from '../devices/device-store.js';

/** What a caller may not do yet, as an error code and message (no HTTP types here). */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/**
 * The one authenticator behind both the HTTP API and socket.io: a bearer token is a
 * device token, or the token of a live admin session (a `Device` with role `admin`
 * and `user` set, acting as `-user.id`). An ended session is simply unknown.
 */
export interface TokenAuthenticator {
  authenticate(token: string): Device | null;
  /** Records that a caller was seen (device tokens; sessions touch themselves). */
  touch(device: Device): void;
  /** Why this caller may not use `method path` yet (one-time password not changed), or null. */
  refusal(device: Device, method: string, path: string): Refusal | null;
  /** The admin session behind a caller that authenticated with one. */
  sessionOf(device: Device): ResolvedSession | null;
  /**
   * For a caller that came with an admin session: is that session still live (read
   * afresh, not counted as use)? Device-token callers: true (revoking one drops its
   * sockets at once).
   */
  isStillLive(device: Device): boolean;
}

/** Endpoints an admin with a one-time password may still use: see who they are, change it, sign out. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['GET /api/admin/session', 'DELETE /api/admin/session', 'POST /api/admin/password']);

export function createTokenAuthenticator(devices: DeviceStore, admins: AdminAuthService): TokenAuthenticator {
  // Per-request objects: the session stays attached to the Device it produced.
  const sessions = new WeakMap<Device, ResolvedSession>();
  return {
    authenticate(token) {
      const device = devices.authenticate(token);
      if (device) return device;
      const resolved = admins.resolve(token);
      if (!resolved) return null;
      sessions.set(resolved.device, resolved);
      return resolved.device;
    },
    touch(device) {
      if (!device.user) devices.touch(device.id);
    },
    refusal(device, method, path) {
      const resolved = sessions.get(device);
      if (!resolved?.user.mustChangePassword || ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${method} ${path}`)) return null;
      return {
        code: ErrorCode.PASSWORD_CHANGE_REQUIRED,
        message: 'Cần đổi mật khẩu dùng một lần trước / change the one-time password first (POST /api/admin/password)',
      };
    },
    sessionOf(device) {
      return sessions.get(device) ?? null;
    },
    isStillLive(device) {
      const resolved = sessions.get(device);
      return !resolved || admins.isLive(resolved);
    },
  };
}
