import type Database from 'better-sqlite3';
import type { CenterConfig } from '@layso/shared';
import { createTokenAuthenticator, type TokenAuthenticator } from '../auth/token-authenticator.js';
import { NightlyBackup } from '../backup/nightly-backup.js';
import { buildAdminAuthRoutes } from '../http/admin-auth-routes.js';
import { buildAuditRoutes } from '../audit/audit-routes.js';
import { buildBackupRoutes } from '../http/backup-routes.js';
import { buildClerkRoutes, withCounterClerk } from '../http/clerk-routes.js';
import type { FailureLimiter } from '../http/failure-limiter.js';
import type { Route } from '../http/router.js';
import type { Clock } from '../queue/ports.js';
import { AdminSessionStore } from '../store/admin-session-store.js';
import { AdminUserStore } from '../store/admin-user-store.js';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { ClerkStore } from '../store/clerk-store.js';
import type { DeviceStore } from '../devices/device-store.js';
import { AdminAuthService } from './admin-auth-service.js';
import { auditNames } from '../audit/audit-names.js';
import { ClerkService } from './clerk-service.js';

export interface AdminAccessDeps {
  db: Database.Database;
  dataDir: string;
  devices: DeviceStore;
  clock: Clock;
  config(): CenterConfig;
  authFailures: FailureLimiter;
  log(message: string, error?: unknown): void;
}

export interface AdminAccess {
  auth: TokenAuthenticator;
  admins: AdminAuthService;
  clerks: ClerkService;
  nightly: NightlyBackup;
  /** Sign-in, admin users, clerks, audit log and backups. */
  routes: Route[];
  /** Counter commands record the signed-in clerk (see withCounterClerk). */
  withCounterClerk(routes: Route[]): Route[];
}

const inTransaction =
  (db: Database.Database) =>
  <T>(fn: () => T): T =>
    db.transaction(fn)();

/** Admin users on a database: the hub's, or the one the `admin` CLI opens beside it. */
export function createAdminAuthService(db: Database.Database, clock: Clock, timeZone: () => string): AdminAuthService {
  return new AdminAuthService({ users: new AdminUserStore(db), sessions: new AdminSessionStore(db), audit: new AuditLogStore(db), clock, transaction: inTransaction(db), timeZone });
}

/** Builds admin sign-in, clerks, audit and backups for one hub (create-hub wires the result). */
export function createAdminAccess(deps: AdminAccessDeps): AdminAccess {
  const { db, clock } = deps;
  const audit = new AuditLogStore(db);
  const transaction = inTransaction(db);
  const timeZone = () => deps.config().timeZone;
  const admins = createAdminAuthService(db, clock, timeZone);
  const clerks = new ClerkService({ clerks: new ClerkStore(db), audit, clock, transaction, timeZone });
  const auth = createTokenAuthenticator(deps.devices, admins);
  const backupSettings = () => ({ ...deps.config().backup, timeZone: timeZone() });
  const nightly = new NightlyBackup({ db, dataDir: deps.dataDir, clock, settings: backupSettings, log: deps.log });
  return {
    auth,
    admins,
    clerks,
    nightly,
    routes: [
      ...buildAdminAuthRoutes({ admins, auth, authFailures: deps.authFailures }),
      ...buildClerkRoutes(clerks),
      ...buildAuditRoutes(audit, auditNames({ users: new AdminUserStore(db), clerks: new ClerkStore(db), devices: deps.devices, config: deps.config })),
      ...buildBackupRoutes({ db, dataDir: deps.dataDir, audit, nightly, clock, settings: backupSettings }),
    ],
    withCounterClerk: (routes) => withCounterClerk(routes, clerks),
  };
}
