import { deviceCommandRequestSchema, deviceIdParamsSchema, renameDeviceRequestSchema } from '@layso/shared';
import { route, type Route } from '../http/router.js';
import type { FleetService } from './fleet-service.js';

const admin = { roles: ['admin'] } as const;

/** The fleet view of the admin console: list, rename, revoke, remote commands. */
export function buildDeviceAdminRoutes(fleet: FleetService): Route[] {
  return [
    route({ method: 'GET', path: '/api/admin/devices', access: admin, handle: () => ({ body: { devices: fleet.list() } }) }),
    route({
      method: 'PUT',
      path: '/api/admin/devices/:id',
      access: admin,
      params: deviceIdParamsSchema,
      body: renameDeviceRequestSchema,
      handle: ({ device: caller, params, body }) => ({ body: { device: fleet.rename(params.id, body.name, caller) } }),
    }),
    route({
      method: 'POST',
      path: '/api/admin/devices/:id/revoke',
      access: admin,
      params: deviceIdParamsSchema,
      handle: ({ device: caller, params }) => ({ body: { device: fleet.revoke(params.id, caller) } }),
    }),
    route({
      method: 'POST',
      path: '/api/admin/devices/:id/commands',
      access: admin,
      params: deviceIdParamsSchema,
      body: deviceCommandRequestSchema,
      handle: async ({ device: caller, params, body }) => {
        const { timedOut, result } = await fleet.command(params.id, body.command, caller);
        return { body: { delivered: true, timedOut, result } };
      },
    }),
  ];
}
