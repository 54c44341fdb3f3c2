import {
  clerkPinResetRequestSchema,
  clerkSignInRequestSchema,
  createClerkRequestSchema,
  numericIdParamSchema,
  updateClerkRequestSchema,
} from '@layso/shared';
import type { ClerkService } from '../admin-auth/clerk-service.js';
import { route, type Route } from '../http/router.js';
import { counterAccess, counterParams } from '../http/counter-access.js';

const adminOnly = { roles: ['admin'] as const };

/** Clerk management (admin) and clerk sign-in at a counter console (docs/admin-access.md). */
export function buildClerkRoutes(clerks: ClerkService): Route[] {
  return [
    route({ method: 'GET', path: '/api/admin/clerks', access: adminOnly, handle: () => ({ body: { clerks: clerks.list() } }) }),
    route({
      method: 'POST',
      path: '/api/admin/clerks',
      access: adminOnly,
      body: createClerkRequestSchema,
      handle: async ({ device, body }) => ({ status: 201, body: await clerks.create(body, device!) }),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/clerks/:id',
      access: adminOnly,
      params: numericIdParamSchema,
      body: updateClerkRequestSchema,
      handle: ({ device, params, body }) => ({ body: clerks.rename(params.id, body.name, device!) }),
    }),
    route({
      method: 'POST',
      path: '/api/admin/clerks/:id/pin',
      access: adminOnly,
      params: numericIdParamSchema,
      body: clerkPinResetRequestSchema,
      handle: async ({ device, params, body }) => ({ body: await clerks.resetPin(params.id, body.pin, device!) }),
    }),
    ...(['disable', 'enable'] as const).map((action) =>
      route({
        method: 'POST',
        path: `/api/admin/clerks/:id/${action}`,
        access: adminOnly,
        params: numericIdParamSchema,
        handle: ({ device, params }) => ({ body: clerks.setDisabled(params.id, action === 'disable', device!) }),
      }),
    ),
    route({
      method: 'GET',
      path: '/api/counters/:counter/clerk',
      access: counterAccess,
      params: counterParams,
      handle: ({ params }) => ({ body: clerks.status(params.counter) }),
    }),
    route({
      method: 'POST',
      path: '/api/counters/:counter/clerk',
      access: counterAccess,
      params: counterParams,
      body: clerkSignInRequestSchema,
      handle: async ({ device, params, body }) => ({ body: await clerks.signIn(params.counter, body.code, body.pin, device!) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/counters/:counter/clerk',
      access: counterAccess,
      params: counterParams,
      handle: ({ device, params }) => ({ body: clerks.signOut(params.counter, device!) }),
    }),
  ];
}

/** The counter commands that record a clerk on the ticket (their bodies carry `clerk`). */
const CLERK_COMMAND = /^\/api\/counters\/:counter\/(next|recall|done|skip|pause|resume|transfer|undo)$/;

/**
 * Wraps the counter commands so the clerk on the ticket is the one signed in at that
 * counter (and a command with nobody signed in is refused) once clerks are configured;
 * without clerks the body's free-text name passes through unchanged.
 */
export function withCounterClerk(routes: Route[], clerks: ClerkService): Route[] {
  return routes.map((r) => {
    if (r.method !== 'POST' || !CLERK_COMMAND.test(r.path)) return r;
    return {
      ...r,
      handle: (ctx) => {
        const { counter } = ctx.params as { counter: number };
        const body = (ctx.body ?? {}) as { clerk?: string };
        const clerk = clerks.clerkForCommand(counter, body.clerk);
        return r.handle({ ...ctx, body: clerk === undefined ? ctx.body : { ...body, clerk } });
      },
    };
  });
}
