import type Database from 'better-sqlite3';
import { deviceCommandRequestSchema, deviceIdParamsSchema, ErrorCode, renameDeviceRequestSchema } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import { commandRefusal, type CommandDispatcher } from '../devices/command-dispatcher.js';
import { fleetDevice } from '../devices/fleet-view.js';
import type { AuditLogStore } from '../store/audit-log-store.js';
import type { DeviceRecord, DeviceStore } from '../store/device-store.js';
import { ApiError } from './api-error.js';
import { route, type Route } from './router.js';

export interface DeviceAdminRouteDeps {
  db: Database.Database;
  devices: DeviceStore;
  audit: AuditLogStore;
  commands: CommandDispatcher;
  /** Devices with a live socket now. */
  onlineDeviceIds(): ReadonlySet<number>;
  /** Drops a device's live sockets at once (after revoking it). */
  disconnectDevice(deviceId: number): void;
  clock: { now(): number };
}

const admin = { roles: ['admin'] } as const;

/** The fleet view of the admin console: list, rename, revoke, remote commands. */
export function buildDeviceAdminRoutes(deps: DeviceAdminRouteDeps): Route[] {
  const view = (record: DeviceRecord) => fleetDevice(record, deps.onlineDeviceIds().has(record.id));
  const existing = (id: number): DeviceRecord => {
    const record = deps.devices.byId(id);
    if (!record) throw new ApiError(ErrorCode.NOT_FOUND, `no device ${id}`, undefined, { kind: 'device-unknown', deviceId: id });
    return record;
  };
  const summary = (r: DeviceRecord) => ({ name: r.name, role: r.role, counter: r.counter, revokedAt: r.revokedAt });

  return [
    route({
      method: 'GET',
      path: '/api/admin/devices',
      access: admin,
      handle: () => {
        const online = deps.onlineDeviceIds();
        return { body: { devices: deps.devices.list().map((r) => fleetDevice(r, online.has(r.id))) } };
      },
    }),
    route({
      method: 'PUT',
      path: '/api/admin/devices/:id',
      access: admin,
      params: deviceIdParamsSchema,
      body: renameDeviceRequestSchema,
      handle: ({ device: caller, params, body }) => {
        const after = deps.db.transaction(() => {
          const before = existing(params.id);
          deps.devices.rename(params.id, body.name);
          const renamed = deps.devices.byId(params.id)!;
          deps.audit.record({ actor: auditActor(caller), action: 'device.rename', target: `device:${params.id}`, before: { name: before.name }, after: { name: renamed.name } }, deps.clock.now());
          return renamed;
        })();
        return { body: { device: view(after) } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/admin/devices/:id/revoke',
      access: admin,
      params: deviceIdParamsSchema,
      handle: ({ device: caller, params }) => {
        const after = deps.db.transaction(() => {
          const before = existing(params.id);
          if (before.revokedAt !== null) throw new ApiError(ErrorCode.CONFLICT, `device ${params.id} is already revoked`, undefined, { kind: 'device-revoked', deviceId: params.id });
          deps.devices.revoke(params.id, deps.clock.now());
          const revoked = deps.devices.byId(params.id)!;
          deps.audit.record({ actor: auditActor(caller), action: 'device.revoke', target: `device:${params.id}`, before: summary(before), after: summary(revoked) }, deps.clock.now());
          return revoked;
        })();
        // After the commit: its sockets go now, and the token no longer authenticates.
        deps.disconnectDevice(params.id);
        return { body: { device: view(after) } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/admin/devices/:id/commands',
      access: admin,
      params: deviceIdParamsSchema,
      body: deviceCommandRequestSchema,
      handle: async ({ device: caller, params, body }) => {
        const target = existing(params.id);
        if (target.revokedAt !== null) throw new ApiError(ErrorCode.CONFLICT, `device ${params.id} is revoked`, undefined, { kind: 'device-revoked', deviceId: params.id });
        const refusal = commandRefusal(target.role, body.command);
        if (refusal) throw new ApiError(ErrorCode.CONFLICT, refusal, undefined, { kind: 'command-not-for-role', command: body.command, role: target.role });
        if (!deps.onlineDeviceIds().has(params.id)) throw new ApiError(ErrorCode.CONFLICT, `device ${params.id} is offline`, undefined, { kind: 'device-offline', deviceId: params.id });
        // Recorded before sending: a reload or restart may never get to answer.
        deps.db.transaction(() => {
          deps.audit.record({ actor: auditActor(caller), action: 'device.command', target: `device:${params.id}`, before: null, after: { command: body.command } }, deps.clock.now());
        })();
        const outcome = deps.commands.send(params.id, body.command);
        if (!outcome) throw new ApiError(ErrorCode.CONFLICT, `device ${params.id} is offline`, undefined, { kind: 'device-offline', deviceId: params.id });
        const { timedOut, result } = await outcome;
        return { body: { delivered: true, timedOut, result } };
      },
    }),
  ];
}
