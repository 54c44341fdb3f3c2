import {
  adminPasswordChangeRequestSchema,
  adminSignInRequestSchema,
  createAdminUserRequestSchema,
  ErrorCode,
  numericIdParamSchema,
} from '@layso/shared';
import type { AdminAuthService, ResolvedSession } from '../admin-auth/admin-auth-service.js';
import { auditActor } from '../auth/audit-actor.js';
import type { TokenAuthenticator } from '../auth/token-authenticator.js';
import type { Device } from '../auth/caller.js';
import { AuthError } from './auth-error.js';
import type { FailureLimiter } from '../http/failure-limiter.js';
import { route, type Route } from '../http/router.js';

export interface AdminAuthRouteDeps {
  admins: AdminAuthService;
  auth: TokenAuthenticator;
  /** The per-address limiter of token guessing also counts wrong passwords. */
  authFailures: FailureLimiter;
}

const adminOnly = { roles: ['admin'] as const };

/** Sign-in, session, own password, and the list of admin users (docs/admin-access.md). */
export function buildAdminAuthRoutes(deps: AdminAuthRouteDeps): Route[] {
  const { admins } = deps;
  // Session endpoints are about the caller's own session: an admin device token has none.
  const sessionOf = (device: Device | null): ResolvedSession => {
    const resolved = device ? deps.auth.sessionOf(device) : null;
    if (!resolved) throw new AuthError(ErrorCode.FORBIDDEN, 'this needs a signed-in admin session, not a device token');
    return resolved;
  };

  return [
    route({
      method: 'POST',
      path: '/api/admin/session',
      access: 'public',
      body: adminSignInRequestSchema,
      handle: async ({ req, body }) => {
        const ip = req.socket.remoteAddress ?? 'unknown';
        if (deps.authFailures.isBlocked(ip)) throw new AuthError(ErrorCode.RATE_LIMITED, 'too many failed attempts from this address; try again in a minute', undefined, { kind: 'too-many-sign-ins' });
        try {
          return { status: 200, body: await admins.signIn(body.username, body.password) };
        } catch (error) {
          if (error instanceof AuthError && error.code === ErrorCode.BAD_CREDENTIALS) deps.authFailures.recordFailure(ip);
          throw error;
        }
      },
    }),
    route({
      method: 'GET',
      path: '/api/admin/session',
      access: adminOnly,
      handle: ({ device }) => ({ body: admins.info(sessionOf(device)) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/session',
      access: adminOnly,
      handle: ({ device }) => {
        admins.signOut(sessionOf(device), auditActor(device));
        return { body: { signedOut: true } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/admin/password',
      access: adminOnly,
      body: adminPasswordChangeRequestSchema,
      handle: async ({ device, body }) => {
        await admins.changePassword(sessionOf(device), body.current, body.next, auditActor(device));
        return { body: { changed: true } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/admin/users',
      access: adminOnly,
      handle: () => ({ body: { users: admins.listUsers() } }),
    }),
    route({
      method: 'POST',
      path: '/api/admin/users',
      access: adminOnly,
      body: createAdminUserRequestSchema,
      handle: async ({ device, body }) => ({ status: 201, body: await admins.createUser(body, auditActor(device)) }),
    }),
    ...(['disable', 'enable'] as const).map((action) =>
      route({
        method: 'POST',
        path: `/api/admin/users/:id/${action}`,
        access: adminOnly,
        params: numericIdParamSchema,
        handle: ({ device, params }) => ({ body: admins.setDisabled(params.id, action === 'disable', device!) }),
      }),
    ),
  ];
}
