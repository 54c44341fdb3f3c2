import {
  adminAreaCreateRequestSchema,
  adminAreaParamsSchema,
  adminAreaUpdateRequestSchema,
  adminCounterCreateRequestSchema,
  adminCounterParamsSchema,
  adminCounterUpdateRequestSchema,
  adminServiceCreateRequestSchema,
  adminServiceParamsSchema,
  adminServiceUpdateRequestSchema,
  adminSettingsRequestSchema,
} from '@layso/shared';
import { route, type Route } from '../http/router.js';
import type { AdminConfigService } from './admin-config-service.js';
import { createArea, deleteArea, updateArea } from './area-changes.js';
import { createCounter, deleteCounter, updateCounter } from './counter-changes.js';
import { createService, deleteService, setServicePaused, updateService } from './service-changes.js';
import { updateSettings } from './settings-change.js';

const adminOnly = { roles: ['admin'] as const };

/** The center's configuration and the day's operations as the admin console changes them (docs/admin-center.md). */
export function buildAdminConfigRoutes(config: AdminConfigService): Route[] {
  return [
    route({ method: 'GET', path: '/api/admin/config', access: adminOnly, handle: () => ({ body: config.view() }) }),
    route({
      method: 'PUT',
      path: '/api/admin/settings',
      access: adminOnly,
      body: adminSettingsRequestSchema,
      handle: ({ device, body }) => ({ body: config.change(device, (current) => updateSettings(current, body)) }),
    }),

    route({
      method: 'POST',
      path: '/api/admin/areas',
      access: adminOnly,
      body: adminAreaCreateRequestSchema,
      handle: ({ device, body }) => ({ status: 201, body: config.change(device, (current) => createArea(current, body)) }),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/areas/:id',
      access: adminOnly,
      params: adminAreaParamsSchema,
      body: adminAreaUpdateRequestSchema,
      handle: ({ device, params, body }) => ({ body: config.change(device, (current) => updateArea(current, params.id, body)) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/areas/:id',
      access: adminOnly,
      params: adminAreaParamsSchema,
      handle: ({ device, params }) => ({ body: config.change(device, (current, usage) => deleteArea(current, params.id, usage)) }),
    }),

    route({
      method: 'POST',
      path: '/api/admin/services',
      access: adminOnly,
      body: adminServiceCreateRequestSchema,
      handle: ({ device, body }) => ({ status: 201, body: config.change(device, (current) => createService(current, body)) }),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/services/:id',
      access: adminOnly,
      params: adminServiceParamsSchema,
      body: adminServiceUpdateRequestSchema,
      handle: ({ device, params, body }) => ({ body: config.change(device, (current) => updateService(current, params.id, body)) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/services/:id',
      access: adminOnly,
      params: adminServiceParamsSchema,
      handle: ({ device, params }) => ({ body: config.change(device, (current, usage) => deleteService(current, params.id, usage)) }),
    }),
    ...(['pause', 'resume'] as const).map((action) =>
      route({
        method: 'POST',
        path: `/api/admin/services/:id/${action}`,
        access: adminOnly,
        params: adminServiceParamsSchema,
        handle: ({ device, params }) => ({ body: config.change(device, (current) => setServicePaused(current, params.id, action === 'pause')) }),
      }),
    ),

    route({
      method: 'POST',
      path: '/api/admin/counters',
      access: adminOnly,
      body: adminCounterCreateRequestSchema,
      handle: ({ device, body }) => ({ status: 201, body: config.change(device, (current) => createCounter(current, body)) }),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/counters/:number',
      access: adminOnly,
      params: adminCounterParamsSchema,
      body: adminCounterUpdateRequestSchema,
      handle: ({ device, params, body }) => ({ body: config.change(device, (current, usage) => updateCounter(current, params.number, body, usage)) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/counters/:number',
      access: adminOnly,
      params: adminCounterParamsSchema,
      handle: ({ device, params }) => ({ body: config.change(device, (current, usage) => deleteCounter(current, params.number, usage)) }),
    }),

    route({ method: 'POST', path: '/api/admin/day/close', access: adminOnly, handle: ({ device }) => ({ body: config.closeDay(device) }) }),
    route({ method: 'POST', path: '/api/admin/day/reopen', access: adminOnly, handle: ({ device }) => ({ body: config.reopenDay(device) }) }),
  ];
}
