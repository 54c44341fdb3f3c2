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
  type AdminConfigResponse,
  type AuditAction,
  type CenterConfig,
} from '@layso/shared';
import { createArea, deleteArea, updateArea } from '../admin-config/area-changes.js';
import type { ConfigChange } from '../admin-config/config-change.js';
import { ConfigChangeError } from '../admin-config/config-change-error.js';
import { createCounter, deleteCounter, updateCounter } from '../admin-config/counter-changes.js';
import { createService, deleteService, setServicePaused, updateService } from '../admin-config/service-changes.js';
import { updateSettings } from '../admin-config/settings-change.js';
import type { TodayUsage } from '../admin-config/today-usage.js';
import { auditActor } from '../auth/audit-actor.js';
import type { CounterBindings, CounterRenumbering } from '../devices/counter-renumbering.js';
import type { Clock } from '../queue/ports.js';
import type { Outcome, QueueCore, QueueEvent } from '../queue/queue-core.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { Device } from '../auth/caller.js';
import type { SqliteTicketCounts } from '../store/sqlite-ticket-counts.js';
import { ApiError } from './api-error.js';
import { route, type Reply, type Route } from './router.js';

export interface AdminConfigDeps {
  core: QueueCore;
  audit: AuditLogStore;
  counts: SqliteTicketCounts;
  publish(events: readonly QueueEvent[]): void;
  clock: Clock;
  /**
   * Moves a renumbered counter's device tokens, door screens and clerk sign-in to its
   * new number (createCounterRenumbering). Without it they stay on the old number.
   */
  renumbering?: CounterRenumbering;
}

const adminOnly = { roles: ['admin'] as const };

/**
 * Live center configuration and operations (docs/admin-center.md). Every change is
 * applied to the current config by a pure function that explains refusals, then
 * stored together with its audit entry in one transaction, then pushed to kiosks
 * and boards as `catalog:changed`.
 */
export function buildAdminConfigRoutes(deps: AdminConfigDeps): Route[] {
  const { core } = deps;
  const usage: TodayUsage = {
    unfinishedTickets: (serviceId) => deps.counts.unfinished(core.currentDay, serviceId),
    servingTicket: (counter) => (core.hasCounter(counter) ? core.views.counterView(counter).current : null),
  };
  const view = (): AdminConfigResponse => ({
    config: core.config,
    dayState: { day: core.currentDay, open: core.isOpen(), closedEarly: core.closedEarly },
  });

  /** Runs one change: audit entry and config write commit together, then screens are told. */
  const commit = (device: Device | null, status: number, build: (config: CenterConfig) => ConfigChange): Reply => {
    let moved: CounterBindings | null = null;
    const outcome = core.inOneCommit(() => {
      const change = explain(() => build(core.config));
      // Pausing a paused service, saving unchanged settings: nothing to store, audit or push.
      if (JSON.stringify(change.config) === JSON.stringify(core.config)) return { value: undefined, events: [] };
      moved = change.renumber && deps.renumbering ? deps.renumbering.move(change.renumber.from, change.renumber.to) : null;
      // The audit entry names what moved along: the same devices and clerk, before and after.
      const before = moved ? { ...(change.before as object), ...moved } : change.before;
      const after = moved ? { ...(change.after as object), ...moved } : change.after;
      deps.audit.record({ actor: auditActor(device), action: change.action, target: change.target, before, after }, deps.clock.now());
      // Last in the transaction: replaceConfig swaps the in-memory model, nothing may fail after it.
      return core.replaceConfig(change.config);
    });
    deps.publish(outcome.events);
    if (moved) deps.renumbering?.announce(moved);
    return { status, body: view() };
  };

  /** Close/reopen: the day state is meta, not config, but audited the same way. */
  const operate = (device: Device | null, action: AuditAction, run: () => Outcome<void>): Reply => {
    const before = core.closedEarly;
    const outcome = core.inOneCommit(() => {
      deps.audit.record({ actor: auditActor(device), action, target: `day:${core.currentDay}`, before: { closedEarly: before }, after: { closedEarly: !before } }, deps.clock.now());
      return run();
    });
    deps.publish(outcome.events);
    return { body: view() };
  };

  return [
    route({ method: 'GET', path: '/api/admin/config', access: adminOnly, handle: () => ({ body: view() }) }),
    route({
      method: 'PUT',
      path: '/api/admin/settings',
      access: adminOnly,
      body: adminSettingsRequestSchema,
      handle: ({ device, body }) => commit(device, 200, (config) => updateSettings(config, body)),
    }),

    route({
      method: 'POST',
      path: '/api/admin/areas',
      access: adminOnly,
      body: adminAreaCreateRequestSchema,
      handle: ({ device, body }) => commit(device, 201, (config) => createArea(config, body)),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/areas/:id',
      access: adminOnly,
      params: adminAreaParamsSchema,
      body: adminAreaUpdateRequestSchema,
      handle: ({ device, params, body }) => commit(device, 200, (config) => updateArea(config, params.id, body)),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/areas/:id',
      access: adminOnly,
      params: adminAreaParamsSchema,
      handle: ({ device, params }) => commit(device, 200, (config) => deleteArea(config, params.id, usage)),
    }),

    route({
      method: 'POST',
      path: '/api/admin/services',
      access: adminOnly,
      body: adminServiceCreateRequestSchema,
      handle: ({ device, body }) => commit(device, 201, (config) => createService(config, body)),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/services/:id',
      access: adminOnly,
      params: adminServiceParamsSchema,
      body: adminServiceUpdateRequestSchema,
      handle: ({ device, params, body }) => commit(device, 200, (config) => updateService(config, params.id, body)),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/services/:id',
      access: adminOnly,
      params: adminServiceParamsSchema,
      handle: ({ device, params }) => commit(device, 200, (config) => deleteService(config, params.id, usage)),
    }),
    ...(['pause', 'resume'] as const).map((action) =>
      route({
        method: 'POST',
        path: `/api/admin/services/:id/${action}`,
        access: adminOnly,
        params: adminServiceParamsSchema,
        handle: ({ device, params }) => commit(device, 200, (config) => setServicePaused(config, params.id, action === 'pause')),
      }),
    ),

    route({
      method: 'POST',
      path: '/api/admin/counters',
      access: adminOnly,
      body: adminCounterCreateRequestSchema,
      handle: ({ device, body }) => commit(device, 201, (config) => createCounter(config, body)),
    }),
    route({
      method: 'PUT',
      path: '/api/admin/counters/:number',
      access: adminOnly,
      params: adminCounterParamsSchema,
      body: adminCounterUpdateRequestSchema,
      handle: ({ device, params, body }) => commit(device, 200, (config) => updateCounter(config, params.number, body, usage)),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/counters/:number',
      access: adminOnly,
      params: adminCounterParamsSchema,
      handle: ({ device, params }) => commit(device, 200, (config) => deleteCounter(config, params.number, usage)),
    }),

    route({
      method: 'POST',
      path: '/api/admin/day/close',
      access: adminOnly,
      handle: ({ device }) => (core.closedEarly ? { body: view() } : operate(device, 'day.close', () => core.closeDay())),
    }),
    route({
      method: 'POST',
      path: '/api/admin/day/reopen',
      access: adminOnly,
      handle: ({ device }) => (core.closedEarly ? operate(device, 'day.reopen', () => core.reopenDay()) : { body: view() }),
    }),
  ];
}

/** Turns a domain refusal into the wire error (same code, message and details). */
function explain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ConfigChangeError) throw new ApiError(error.code, error.message, error.details, error.reason);
    throw error;
  }
}
