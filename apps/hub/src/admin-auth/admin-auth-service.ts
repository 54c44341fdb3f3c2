import { randomBytes } from 'node:crypto';
import { unlessBusy } from '../store/database-busy.js';
import { ErrorCode, type AdminSessionInfo, type AdminSignInResponse, type AdminUser, type CreateAdminUserRequest } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import { generateToken, hashToken } from '../auth/device-token.js';
import { AuthError } from './auth-error.js';
import type { Clock } from '../queue/ports.js';
import type { AdminSessionRecord, AdminSessionStore } from './admin-session-store.js';
import type { AdminUserRecord, AdminUserStore } from './admin-user-store.js';
import type { AuditEntry } from '../audit/audit-log-store.js';
import type { Device } from '../auth/caller.js';
import { ADMIN_LOCKOUT, isLocked, UNLOCKED, type LockoutPolicy } from './lockout.js';
import { hashSecret, verifySecret } from './password-hash.js';
import { ADMIN_SESSION, isSessionAlive, sessionEnd, shouldTouch, type SessionPolicy } from './session-policy.js';
import { checkSignIn } from './sign-in-check.js';

export interface AdminAuthDeps {
  users: AdminUserStore;
  sessions: AdminSessionStore;
  /** Records inside the caller's transaction. */
  audit: { record(entry: AuditEntry, at?: number): void };
  clock: Clock;
  /** Runs `fn` in one database transaction (a change and its audit entry together). */
  transaction<T>(fn: () => T): T;
  timeZone(): string;
  session?: SessionPolicy;
  lockout?: LockoutPolicy;
}

/** A live admin session resolved from its bearer token. */
export interface ResolvedSession {
  session: AdminSessionRecord;
  user: AdminUserRecord;
  device: Device;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The caller of an admin session: acts under `-user.id` (see Device.user). */
export function adminDevice(user: AdminUserRecord): Device {
  return { id: -user.id, role: 'admin', counter: null, name: user.displayName ?? user.username, user: { id: user.id, username: user.username } };
}

/** What the API shows of an admin user: never the hash. */
export function publicAdminUser(user: AdminUserRecord, now: number): AdminUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    createdAt: iso(user.createdAt),
    disabled: user.disabledAt !== null,
    lockedUntil: isLocked(user, now) ? iso(user.lockedUntil!) : null,
    mustChangePassword: user.mustChangePassword,
  };
}

/** A one-time password that is easy to type from a log line: 16 characters, no look-alikes. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Admin users and their sessions: sign-in with lockout, session lookup for the token
 * authenticator (sliding idle timeout + absolute limit), password changes, and the
 * first admin of a new hub.
 */
export class AdminAuthService {
  private readonly policy: SessionPolicy;
  private readonly lockout: LockoutPolicy;
  private sessionsEndedListener: (userId: number) => void = () => {};

  constructor(private readonly deps: AdminAuthDeps) {
    this.policy = deps.session ?? ADMIN_SESSION;
    this.lockout = deps.lockout ?? ADMIN_LOCKOUT;
  }

  private now(): number {
    return this.deps.clock.now();
  }

  /**
   * Called after sessions of a user were ended (sign-out, password change, disabling):
   * the hub drops that user's live sockets, and those of sessions still valid reconnect.
   */
  onSessionsEnded(listener: (userId: number) => void): void {
    this.sessionsEndedListener = listener;
  }

  async signIn(username: string, password: string): Promise<AdminSignInResponse> {
    const found = this.deps.users.byUsername(username);
    const { account: current, now } = await checkSignIn({
      what: 'admin',
      found,
      storedHash: found?.passwordHash,
      secret: password,
      byId: (id) => this.deps.users.byId(id),
      setLockout: (id, state) => this.deps.users.setLockout(id, state),
      audit: this.deps.audit,
      failureEntry: (user, counted) => ({
        actor: `admin:${user.username}`,
        action: 'admin.sign-in-failed',
        target: `admin-user:${user.id}`,
        after: { lockedUntil: counted.lockedUntil && iso(counted.lockedUntil) },
      }),
      lockout: this.lockout,
      now: () => this.now(),
      timeZone: () => this.deps.timeZone(),
      transaction: (fn) => this.deps.transaction(fn),
    });
    const actor = `admin:${current.username}`;
    const token = generateToken();
    const session: AdminSessionRecord = { tokenHash: hashToken(token), userId: current.id, createdAt: now, expiresAt: now + this.policy.absoluteMs, lastSeenAt: now };
    this.deps.transaction(() => {
      this.deps.users.setLockout(current.id, UNLOCKED);
      this.deps.sessions.create(session);
      this.deps.sessions.purge(now, now - this.policy.idleMs);
      this.deps.audit.record({ actor, action: 'admin.sign-in', target: `admin-user:${current.id}` }, now);
    });
    return { token, expiresAt: iso(session.expiresAt), user: this.sessionUser(current) };
  }

  /** The live session behind a bearer token, touched (at most once a minute); null when unknown, ended or the user disabled. */
  resolve(token: string): ResolvedSession | null {
    const tokenHash = hashToken(token);
    const live = this.liveSession(tokenHash);
    if (!live) return null;
    const { session, user } = live;
    const now = this.now();
    // A locked database (another writer) skips this touch; the next request makes it.
    if (shouldTouch(session, now, this.policy) && unlessBusy(() => this.deps.sessions.touch(tokenHash, now))) {
      session.lastSeenAt = now;
    }
    return { session, user, device: adminDevice(user) };
  }

  /**
   * Whether a session resolved earlier is still live, read afresh and NOT touched: the
   * socket.io gateway asks this of open admin sockets, and a socket merely staying open
   * is no use of the session (the idle limit still ends an unattended console).
   */
  isLive(resolved: ResolvedSession): boolean {
    return this.liveSession(resolved.session.tokenHash) !== null;
  }

  private liveSession(tokenHash: string): { session: AdminSessionRecord; user: AdminUserRecord } | null {
    const session = this.deps.sessions.find(tokenHash);
    if (!session) return null;
    const user = this.deps.users.byId(session.userId);
    if (!user || user.disabledAt !== null || !isSessionAlive(session, this.now(), this.policy)) return null;
    return { session, user };
  }

  info(resolved: ResolvedSession): AdminSessionInfo {
    return {
      expiresAt: iso(resolved.session.expiresAt),
      idleExpiresAt: iso(sessionEnd(resolved.session, this.policy)),
      user: this.sessionUser(resolved.user),
    };
  }

  signOut(resolved: ResolvedSession, actor: string): void {
    this.deps.transaction(() => {
      this.deps.sessions.remove(resolved.session.tokenHash);
      this.deps.audit.record({ actor, action: 'admin.sign-out', target: `admin-user:${resolved.user.id}` }, this.now());
    });
    this.sessionsEndedListener(resolved.user.id);
  }

  /** The signed-in admin's own change; other sessions of that user end. */
  async changePassword(resolved: ResolvedSession, current: string, next: string, actor: string): Promise<void> {
    if (!(await verifySecret(current, resolved.user.passwordHash))) {
      throw new AuthError(ErrorCode.BAD_CREDENTIALS, 'Mật khẩu hiện tại không đúng / the current password is wrong', undefined, { kind: 'wrong-current-password' });
    }
    if (current === next) throw new AuthError(ErrorCode.VALIDATION, 'Mật khẩu mới phải khác mật khẩu cũ / the new password must differ from the current one', undefined, {
        kind: 'password-unchanged',
      });
    const hash = await hashSecret(next);
    this.deps.transaction(() => {
      this.deps.users.setPassword(resolved.user.id, hash, false);
      this.deps.sessions.removeForUser(resolved.user.id, resolved.session.tokenHash);
      this.deps.audit.record(
        { actor, action: 'admin.password-change', target: `admin-user:${resolved.user.id}`, before: { mustChangePassword: resolved.user.mustChangePassword }, after: { mustChangePassword: false } },
        this.now(),
      );
    });
    this.sessionsEndedListener(resolved.user.id);
  }

  listUsers(): AdminUser[] {
    const now = this.now();
    return this.deps.users.list().map((u) => publicAdminUser(u, now));
  }

  async createUser(input: CreateAdminUserRequest, actor: string): Promise<AdminUser> {
    const hash = await hashSecret(input.password);
    const now = this.now();
    return this.deps.transaction(() => {
      if (this.deps.users.byUsername(input.username)) throw new AuthError(ErrorCode.CONFLICT, `admin user "${input.username}" already exists`, undefined, { kind: 'admin-user-exists', username: input.username });
      const user = this.deps.users.create({ username: input.username, displayName: input.displayName ?? null, passwordHash: hash }, now);
      const shown = publicAdminUser(user, now);
      this.deps.audit.record({ actor, action: 'admin-user.create', target: `admin-user:${user.id}`, after: shown }, now);
      return shown;
    });
  }

  /** Disabling ends the user's sessions at once; an admin cannot disable themself (no lock-out of the last door). */
  setDisabled(id: number, disabled: boolean, caller: Device): AdminUser {
    const now = this.now();
    const after = this.deps.transaction(() => {
      const user = this.deps.users.byId(id);
      if (!user) throw new AuthError(ErrorCode.NOT_FOUND, `no admin user ${id}`, undefined, { kind: 'admin-user-unknown', userId: id });
      if (disabled && caller.user?.id === id) throw new AuthError(ErrorCode.CONFLICT, 'Không thể tự khoá tài khoản đang dùng / you cannot disable your own account', undefined, {
          kind: 'cannot-disable-self',
        });
      const before = publicAdminUser(user, now);
      if (before.disabled !== disabled) {
        this.deps.users.setDisabled(id, disabled ? now : null);
        if (disabled) this.deps.sessions.removeForUser(id);
      }
      const after = publicAdminUser(this.deps.users.byId(id)!, now);
      this.deps.audit.record({ actor: auditActor(caller), action: disabled ? 'admin-user.disable' : 'admin-user.enable', target: `admin-user:${id}`, before, after }, now);
      return after;
    });
    if (disabled) this.sessionsEndedListener(id);
    return after;
  }

  /**
   * Sets a password from the command line (`admin create`, `admin reset-password`, the
   * demo): creates the user if missing, clears lockout and enables the account.
   */
  async setPasswordFromCli(username: string, password: string, options: { mustChange: boolean; createOnly?: boolean }): Promise<'created' | 'reset'> {
    const hash = await hashSecret(password);
    const now = this.now();
    return this.deps.transaction(() => {
      const user = this.deps.users.byUsername(username);
      if (!user) {
        const created = this.deps.users.create({ username, passwordHash: hash, mustChangePassword: options.mustChange }, now);
        this.deps.audit.record({ actor: 'system', action: 'admin-user.create', target: `admin-user:${created.id}`, after: publicAdminUser(created, now) }, now);
        return 'created';
      }
      if (options.createOnly) throw new AuthError(ErrorCode.CONFLICT, `admin user "${username}" already exists (use admin reset-password)`);
      const before = publicAdminUser(user, now);
      this.deps.users.setPassword(user.id, hash, options.mustChange);
      this.deps.users.setDisabled(user.id, null);
      this.deps.sessions.removeForUser(user.id);
      this.deps.audit.record({ actor: 'system', action: 'admin.password-reset', target: `admin-user:${user.id}`, before, after: publicAdminUser(this.deps.users.byId(user.id)!, now) }, now);
      return 'reset';
    });
  }

  /** A hub with no admin at all gets `admin` with a one-time password (returned to print once). */
  async ensureFirstAdmin(): Promise<string | null> {
    if (this.deps.users.count() > 0) return null;
    const password = randomPassword();
    try {
      await this.setPasswordFromCli('admin', password, { mustChange: true, createOnly: true });
    } catch (error) {
      // Someone (an `admin create` beside this start) made one meanwhile: nothing to print.
      if (error instanceof AuthError && error.code === ErrorCode.CONFLICT) return null;
      throw error;
    }
    return password;
  }

  private sessionUser(user: AdminUserRecord) {
    return { username: user.username, displayName: user.displayName, mustChangePassword: user.mustChangePassword };
  }
}
