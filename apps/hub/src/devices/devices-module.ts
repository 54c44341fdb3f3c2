import type { DeviceCommandAck } from '@layso/shared';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { FailureLimiter } from '../http/failure-limiter.js';
import type { HubModule } from '../http/hub-module.js';
import type { Clock } from '../queue/ports.js';
import type { TransactionRunner } from '../store/transaction-runner.js';
import { CommandDispatcher, type CommandTransport } from './command-dispatcher.js';
import { buildDeviceAdminRoutes } from './device-admin-routes.js';
import { buildDeviceReportRoutes } from './device-report-routes.js';
import { DeviceReports } from './device-reports.js';
import type { DeviceStore } from './device-store.js';
import { FleetService } from './fleet-service.js';
import { buildPairingRoutes } from './pairing-routes.js';
import { PairingRegistry } from './pairing-registry.js';
import { PairingService } from './pairing-service.js';

/** The devices' live sockets, as this feature needs them (the realtime gateway in the hub). */
export interface DeviceSockets extends CommandTransport {
  onlineDeviceIds(): ReadonlySet<number>;
  /** Drops a device's live sockets at once (after revoking it). */
  disconnectDevice(deviceId: number): void;
  onCommandAck(listener: (deviceId: number, ack: DeviceCommandAck) => void): void;
}

export interface DevicesModuleDeps {
  devices: DeviceStore;
  audit: AuditLogStore;
  transaction: TransactionRunner;
  sockets: DeviceSockets;
  hasCounter(counter: number): boolean;
  clock: Clock;
}

export interface DevicesModule extends HubModule {
  /** Remote commands to one device (the counter renumbering reloads screens through it). */
  commands: CommandDispatcher;
  /** Counters whose console is online: a live (unrevoked) counter-role device of it has a socket. */
  countersWithConsoleOnline(): Set<number>;
}

/** Pairing, the fleet (rename, revoke, remote commands) and what devices report about themselves. */
export function createDevicesModule(deps: DevicesModuleDeps): DevicesModule {
  const { devices, audit, transaction, sockets, clock } = deps;
  const commands = new CommandDispatcher(sockets);
  sockets.onCommandAck((deviceId, ack) => commands.acknowledge(deviceId, ack));
  const pairing = new PairingService({
    registry: new PairingRegistry(clock),
    devices,
    audit,
    transaction,
    hasCounter: deps.hasCounter,
    isOnline: (deviceId) => sockets.isOnline(deviceId),
    clock,
    // 30 codes per address per 10 minutes (a device asks for one every ~9 minutes); 10 wrong codes per 10 minutes.
    creations: new FailureLimiter(30, 600_000),
    claimFailures: new FailureLimiter(10, 600_000),
  });
  const fleet = new FleetService({ devices, audit, commands, transaction, onlineDeviceIds: () => sockets.onlineDeviceIds(), disconnectDevice: (id) => sockets.disconnectDevice(id), clock });
  // 30 wrong-PIN reports per device per hour: a lock round is 5 tries.
  const reports = new DeviceReports({ audit, clock, reports: new FailureLimiter(30, 3_600_000) });
  return {
    name: 'devices',
    routes: [...buildPairingRoutes(pairing), ...buildDeviceAdminRoutes(fleet), ...buildDeviceReportRoutes(reports)],
    commands,
    countersWithConsoleOnline: () => {
      const online = sockets.onlineDeviceIds();
      return new Set(devices.list().flatMap((d) => (d.role === 'counter' && d.counter !== null && d.revokedAt === null && online.has(d.id) ? [d.counter] : [])));
    },
    stop: () => commands.close(),
  };
}
