import type { AdminTodayResponse } from '@layso/shared';
import { route, type Route } from '../http/router.js';

const adminOnly = { roles: ['admin'] as const };

/** `GET /api/admin/today`: the floor as it is now (clerks, consoles, serving, longest waits). */
export function buildAdminTodayRoutes(deps: { floor(): AdminTodayResponse }): Route[] {
  return [route({ method: 'GET', path: '/api/admin/today', access: adminOnly, handle: () => ({ body: deps.floor() }) })];
}
