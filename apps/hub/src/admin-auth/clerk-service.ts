import { ErrorCode, type AuditAction, type Clerk, type CounterClerkResponse, type CreateClerkRequest } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import { AuthError } from './auth-error.js';
import type { Clock } from '../queue/ports.js';
import type { AuditEntry } from '../audit/audit-log-store.js';
import type { ClerkRecord, ClerkStore } from './clerk-store.js';
import type { Device } from '../auth/caller.js';
import { CLERK_LOCKOUT, isLocked, UNLOCKED, type LockoutPolicy } from './lockout.js';
import { hashSecret } from './password-hash.js';
import { checkSignIn } from './sign-in-check.js';

export interface ClerkServiceDeps {
  clerks: ClerkStore;
  audit: { record(entry: AuditEntry, at?: number): void };
  clock: Clock;
  transaction<T>(fn: () => T): T;
  timeZone(): string;
  lockout?: LockoutPolicy;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What the API and the audit log show of a clerk: never the PIN hash. */
export function publicClerk(clerk: ClerkRecord, now: number): Clerk {
  return {
    id: clerk.id,
    code: clerk.code,
    name: clerk.name,
    createdAt: iso(clerk.createdAt),
    disabled: clerk.disabledAt !== null,
    lockedUntil: isLocked(clerk, now) ? iso(clerk.lockedUntil!) : null,
    counter: clerk.counter,
  };
}

/**
 * Clerks and counter sign-in. Once any enabled clerk exists, a counter acts only with
 * a clerk signed in, and the ticket records that clerk's code instead of free text.
 */
export class ClerkService {
  private readonly lockout: LockoutPolicy;

  constructor(private readonly deps: ClerkServiceDeps) {
    this.lockout = deps.lockout ?? CLERK_LOCKOUT;
  }

  private now(): number {
    return this.deps.clock.now();
  }

  list(): Clerk[] {
    const now = this.now();
    return this.deps.clerks.list().map((c) => publicClerk(c, now));
  }

  async create(input: CreateClerkRequest, caller: Device): Promise<Clerk> {
    const pinHash = await hashSecret(input.pin);
    const now = this.now();
    return this.deps.transaction(() => {
      if (this.deps.clerks.byCode(input.code)) throw new AuthError(ErrorCode.CONFLICT, `clerk code "${input.code}" is taken`, undefined, { kind: 'clerk-code-taken', code: input.code });
      const shown = publicClerk(this.deps.clerks.create({ code: input.code, name: input.name, pinHash }, now), now);
      this.deps.audit.record({ actor: auditActor(caller), action: 'clerk.create', target: `clerk:${shown.id}`, after: shown }, now);
      return shown;
    });
  }

  rename(id: number, name: string, caller: Device): Clerk {
    return this.change(id, caller, 'clerk.rename', () => this.deps.clerks.rename(id, name));
  }

  async resetPin(id: number, pin: string, caller: Device): Promise<Clerk> {
    const pinHash = await hashSecret(pin);
    return this.change(id, caller, 'clerk.pin-reset', () => this.deps.clerks.setPin(id, pinHash));
  }

  /** Disabling also signs the clerk out of their counter. */
  setDisabled(id: number, disabled: boolean, caller: Device): Clerk {
    return this.change(id, caller, disabled ? 'clerk.disable' : 'clerk.enable', (clerk) => {
      if ((clerk.disabledAt !== null) === disabled) return;
      this.deps.clerks.setDisabled(id, disabled ? this.now() : null);
      if (disabled) this.deps.clerks.signOutClerk(id);
    });
  }

  status(counter: number): CounterClerkResponse {
    const clerk = this.signedIn(counter);
    return { required: this.deps.clerks.anyEnabled(), clerk: clerk ? { code: clerk.code, name: clerk.name } : null };
  }

  async signIn(counter: number, code: string, pin: string, caller: Device): Promise<CounterClerkResponse> {
    const actor = auditActor(caller);
    const found = this.deps.clerks.byCode(code);
    const { account: clerk, now } = await checkSignIn({
      what: 'clerk',
      found,
      storedHash: found?.pinHash,
      secret: pin,
      byId: (id) => this.deps.clerks.byId(id),
      setLockout: (id, state) => this.deps.clerks.setLockout(id, state),
      audit: this.deps.audit,
      failureEntry: (account, counted) => ({
        actor,
        action: 'clerk.sign-in-failed',
        target: `clerk:${account.id}`,
        after: { counter, lockedUntil: counted.lockedUntil && iso(counted.lockedUntil) },
      }),
      lockout: this.lockout,
      now: () => this.now(),
      timeZone: () => this.deps.timeZone(),
      transaction: (fn) => this.deps.transaction(fn),
    });
    this.deps.transaction(() => {
      const before = this.signedIn(counter);
      this.deps.clerks.setLockout(clerk.id, UNLOCKED);
      this.deps.clerks.signIn(counter, clerk.id, now);
      this.deps.audit.record(
        { actor, action: 'clerk.sign-in', target: `counter:${counter}`, before: { clerk: before?.code ?? null, fromCounter: clerk.counter }, after: { clerk: clerk.code } },
        now,
      );
    });
    return this.status(counter);
  }

  signOut(counter: number, caller: Device): CounterClerkResponse {
    this.deps.transaction(() => {
      const before = this.signedIn(counter);
      if (!before) return;
      this.deps.clerks.signOutCounter(counter);
      this.deps.audit.record({ actor: auditActor(caller), action: 'clerk.sign-out', target: `counter:${counter}`, before: { clerk: before.code }, after: { clerk: null } }, this.now());
    });
    return this.status(counter);
  }

  /**
   * The clerk to record on a counter command: with clerks configured, the one signed
   * in at that counter (refused when nobody is); without, the free-text name as before.
   */
  clerkForCommand(counter: number, freeText: string | undefined): string | undefined {
    if (!this.deps.clerks.anyEnabled()) return freeText;
    const clerk = this.signedIn(counter);
    if (!clerk) {
      throw new AuthError(ErrorCode.CLERK_REQUIRED, `Chưa có cán bộ đăng nhập tại quầy ${counter} / no clerk is signed in at counter ${counter}`);
    }
    return clerk.code;
  }

  private signedIn(counter: number): ClerkRecord | null {
    const clerk = this.deps.clerks.atCounter(counter);
    return clerk && clerk.disabledAt === null ? clerk : null;
  }

  private change(id: number, caller: Device, action: AuditAction, apply: (clerk: ClerkRecord) => void): Clerk {
    const now = this.now();
    return this.deps.transaction(() => {
      const clerk = this.deps.clerks.byId(id);
      if (!clerk) throw new AuthError(ErrorCode.NOT_FOUND, `no clerk ${id}`, undefined, { kind: 'clerk-unknown', clerkId: id });
      const before = publicClerk(clerk, now);
      apply(clerk);
      const after = publicClerk(this.deps.clerks.byId(id)!, now);
      this.deps.audit.record({ actor: auditActor(caller), action, target: `clerk:${id}`, before, after }, now);
      return after;
    });
  }
}
