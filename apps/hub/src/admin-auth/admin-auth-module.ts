import type Database from 'better-sqlite3';
import type { CenterConfig } from '@layso/shared';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { createTokenAuthenticator, type TokenAuthenticator } from '../auth/token-authenticator.js';
import type { DeviceStore } from '../devices/device-store.js';
import type { FailureLimiter } from '../http/failure-limiter.js';
import type { HubModule } from '../http/hub-module.js';
import type { Route } from '../http/router.js';
import type { Clock } from '../queue/ports.js';
import { transactionRunner } from '../store/transaction-runner.js';
import { buildAdminAuthRoutes } from './admin-auth-routes.js';
import { AdminAuthService } from './admin-auth-service.js';
import { AdminSessionStore } from './admin-session-store.js';
import { AdminUserStore } from './admin-user-store.js';
import { buildClerkRoutes, withCounterClerk } from './clerk-routes.js';
import { ClerkService } from './clerk-service.js';
import { ClerkStore } from './clerk-store.js';

export interface AdminAuthModuleDeps {
  db: Database.Database;
  devices: DeviceStore;
  audit: AuditLogStore;
  clock: Clock;
  config(): CenterConfig;
  /** The per-address limiter of token guessing also counts wrong passwords. */
  authFailures: FailureLimiter;
}

export interface AdminAuthModule extends HubModule {
  /** Device tokens and admin sessions: the one authenticator of HTTP and socket.io. */
  auth: TokenAuthenticator;
  admins: AdminAuthService;
  clerks: ClerkService;
  /** The clerk store, for the parts that move a clerk's sign-in along (counter renumbering). */
  clerkStore: ClerkStore;
  /** The admin users, for the names the audit log shows. */
  users: AdminUserStore;
  /** Counter commands record the signed-in clerk (see withCounterClerk). */
  withCounterClerk(routes: Route[]): Route[];
}

/** Admin users on a database: the hub's, or the one the `admin` CLI opens beside it. */
export function createAdminAuthService(deps: { db: Database.Database; audit: AuditLogStore; clock: Clock; timeZone(): string; users?: AdminUserStore }): AdminAuthService {
  const { db } = deps;
  return new AdminAuthService({
    users: deps.users ?? new AdminUserStore(db),
    sessions: new AdminSessionStore(db),
    audit: deps.audit,
    clock: deps.clock,
    transaction: transactionRunner(db),
    timeZone: deps.timeZone,
  });
}

/** Admin sign-in and sessions, admin users, clerks and counter sign-in (docs/admin-access.md). */
export function createAdminAuthModule(deps: AdminAuthModuleDeps): AdminAuthModule {
  const { db, audit, clock } = deps;
  const timeZone = () => deps.config().timeZone;
  const users = new AdminUserStore(db);
  const clerkStore = new ClerkStore(db);
  const admins = createAdminAuthService({ db, audit, clock, timeZone, users });
  const clerks = new ClerkService({ clerks: clerkStore, audit, clock, transaction: transactionRunner(db), timeZone });
  const auth = createTokenAuthenticator(deps.devices, admins);
  return {
    name: 'admin-auth',
    routes: [...buildAdminAuthRoutes({ admins, auth, authFailures: deps.authFailures }), ...buildClerkRoutes(clerks)],
    auth,
    admins,
    clerks,
    clerkStore,
    users,
    withCounterClerk: (routes) => withCounterClerk(routes, clerks),
  };
}
