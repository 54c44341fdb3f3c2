/**
 * Admin session lifetime: a session ends after `idleMs` without use (sliding) or
 * `absoluteMs` after sign-in, whichever comes first. Pure, so tests move time freely.
 */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** Last-use times are written at most this often, to spare the disk. */
  touchEveryMs: number;
}

export const ADMIN_SESSION: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, touchEveryMs: 60_000 };

export interface SessionTimes {
  createdAt: number;
  /** The absolute end, fixed at sign-in. */
  expiresAt: number;
  lastSeenAt: number;
}

export function sessionEnd(session: SessionTimes, policy: SessionPolicy): number {
  return Math.min(session.expiresAt, session.lastSeenAt + policy.idleMs);
}

export function isSessionAlive(session: SessionTimes, now: number, policy: SessionPolicy): boolean {
  return now < sessionEnd(session, policy);
}

export function shouldTouch(session: SessionTimes, now: number, policy: SessionPolicy): boolean {
  return now - session.lastSeenAt >= policy.touchEveryMs;
}
