import {
  counterActionRequestSchema,
  issueTicketRequestSchema,
  PROTOCOL_VERSION,
  deviceStatusRequestSchema,
  printResultRequestSchema,
  ROLES,
  ticketParamsSchema,
  transferRequestSchema,
  undoRequestSchema,
  type CounterActionResponse,
} from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import type { CounterActor, Outcome, QueueCore, QueueEvent } from '../queue/queue-core.js';
import type { IssueBatcher } from '../queue/issue-batcher.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { Device } from '../auth/caller.js';
import type { DeviceStore } from '../devices/device-store.js';
import { counterAccess, counterParams } from '../http/counter-access.js';
import { route, type Route } from '../http/router.js';

export interface QueueRouteDeps {
  core: QueueCore;
  issuer: IssueBatcher;
  /** Where a device's own status report (PUT /api/devices/me/status) is kept. */
  devices: Pick<DeviceStore, 'saveStatus'>;
  publish(events: readonly QueueEvent[]): void;
  version: string;
  /** Where a counter's "Hoàn tác" is recorded (the admin console's audit log). */
  audit?: AuditLogStore;
  /** The hub's clock, for the audit entry's time. */
  now?: () => number;
  /** Details for /api/health (uptime, database, disk, devices online); `ok: false` answers 503. */
  health?(): { ok: boolean } & Record<string, unknown>;
}

type CounterCommand = 'next' | 'recall' | 'done' | 'skip' | 'pause' | 'resume';
const COUNTER_COMMANDS: readonly CounterCommand[] = ['next', 'recall', 'done', 'skip', 'pause', 'resume'];

function actorOf(device: Device | null, body: { requestId?: string | undefined; clerk?: string | undefined } | undefined): CounterActor {
  return { deviceId: device?.id ?? null, requestId: body?.requestId, clerk: body?.clerk };
}

/** The REST commands of wire contract v1: one handler per command. */
export function buildQueueRoutes(deps: QueueRouteDeps): Route[] {
  const { core } = deps;
  const run = (outcome: Outcome<CounterActionResponse>) => {
    deps.publish(outcome.events);
    return { body: outcome.value };
  };

  return [
    route({
      method: 'GET',
      path: '/api/health',
      access: 'public',
      handle: () => {
        const { ok, ...details } = deps.health?.() ?? { ok: true };
        return { status: ok ? 200 : 503, body: { ok, day: core.currentDay, version: deps.version, protocolVersion: PROTOCOL_VERSION, ...details } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/device',
      access: { roles: ROLES },
      handle: ({ device }) => ({ body: { role: device!.role, counter: device!.counter, name: device!.name } }),
    }),
    route({
      method: 'GET',
      path: '/api/catalog',
      access: 'public',
      handle: () => ({ body: core.views.catalog() }),
    }),
    route({
      method: 'POST',
      path: '/api/tickets',
      access: { roles: ['kiosk', 'admin'] },
      body: issueTicketRequestSchema,
      handle: async ({ device, body }) => {
        const ticket = await deps.issuer.issue({
          serviceId: body.serviceId,
          priority: body.priority ?? null,
          requestId: body.requestId,
          deviceId: device?.id ?? null,
          source: device?.role === 'admin' ? 'admin' : 'kiosk',
        });
        return { status: 201, body: ticket };
      },
    }),
    route({
      method: 'GET',
      path: '/api/tickets/:day/:number',
      access: 'public',
      params: ticketParamsSchema,
      handle: ({ params }) => ({ body: core.views.publicStatus(params.day, params.number) }),
    }),
    route({
      method: 'POST',
      path: '/api/tickets/:day/:number/print-result',
      access: { roles: ['kiosk'] },
      params: ticketParamsSchema,
      body: printResultRequestSchema,
      handle: ({ device, params, body }) => {
        core.recordPrintResult(params.day, params.number, body.ok, device?.id ?? null);
        return { body: { recorded: true } };
      },
    }),
    route({
      method: 'PUT',
      path: '/api/devices/me/status',
      access: { roles: ROLES },
      body: deviceStatusRequestSchema,
      handle: ({ device, body }) => {
        deps.devices.saveStatus(device!.id, body);
        return { body: { recorded: true } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/counters/:counter/queue',
      access: counterAccess,
      params: counterParams,
      handle: ({ params }) => ({ body: core.views.counterQueue(params.counter) }),
    }),
    ...COUNTER_COMMANDS.map((command) =>
      route({
        method: 'POST',
        path: `/api/counters/:counter/${command}`,
        access: counterAccess,
        params: counterParams,
        body: counterActionRequestSchema.optional(),
        handle: ({ device, params, body }) => run(core[command](params.counter, actorOf(device, body))),
      }),
    ),
    route({
      method: 'POST',
      path: '/api/counters/:counter/transfer',
      access: counterAccess,
      params: counterParams,
      body: transferRequestSchema,
      handle: ({ device, params, body }) => run(core.transfer(params.counter, body.toServiceId, actorOf(device, body))),
    }),
    route({
      method: 'POST',
      path: '/api/counters/:counter/undo',
      // Only the counter's own console takes back its own last action.
      access: { roles: ['counter'], ownCounter: true },
      params: counterParams,
      body: undoRequestSchema,
      handle: ({ device, params, body }) =>
        run(
          // The undo and its audit entry are written together or not at all.
          core.inOneCommit(() => {
            const outcome = core.undo(params.counter, { number: body.number, action: body.action }, actorOf(device, body));
            deps.audit?.record(
              {
                actor: auditActor(device),
                action: 'counter.undo',
                target: `ticket:${body.number}`,
                before: { action: body.action, counter: params.counter },
                after: { status: 'called', counter: params.counter, ...(body.clerk ? { clerk: body.clerk } : {}) },
              },
              deps.now?.() ?? Date.now(),
            );
            return outcome;
          }),
        ),
    }),
  ];
}
