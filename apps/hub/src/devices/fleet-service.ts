import { ErrorCode, type DeviceCommandName, type FleetDevice } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { TransactionRunner } from '../store/transaction-runner.js';
import { commandRefusal, type CommandDispatcher, type CommandOutcome } from './command-dispatcher.js';
import type { Device } from '../auth/caller.js';
import { DeviceError } from './device-error.js';
import type { DeviceRecord, DeviceStore } from './device-store.js';
import { fleetDevice } from './fleet-view.js';

export interface FleetServiceDeps {
  devices: DeviceStore;
  audit: AuditLogStore;
  commands: CommandDispatcher;
  transaction: TransactionRunner;
  /** Devices with a live socket now. */
  onlineDeviceIds(): ReadonlySet<number>;
  /** Drops a device's live sockets at once (after revoking it). */
  disconnectDevice(deviceId: number): void;
  clock: { now(): number };
}

const summary = (r: DeviceRecord) => ({ name: r.name, role: r.role, counter: r.counter, revokedAt: r.revokedAt });

/** The fleet of the admin console: list, rename, revoke and remote commands, each audited. */
export class FleetService {
  constructor(private readonly deps: FleetServiceDeps) {}

  list(): FleetDevice[] {
    const online = this.deps.onlineDeviceIds();
    return this.deps.devices.list().map((r) => fleetDevice(r, online.has(r.id)));
  }

  /** One device as the fleet view shows it (whether its socket is live now included). */
  view(record: DeviceRecord): FleetDevice {
    return fleetDevice(record, this.deps.onlineDeviceIds().has(record.id));
  }

  rename(id: number, name: string, caller: Device | null): FleetDevice {
    const after = this.deps.transaction(() => {
      const before = this.existing(id);
      this.deps.devices.rename(id, name);
      const renamed = this.deps.devices.byId(id)!;
      this.deps.audit.record({ actor: auditActor(caller), action: 'device.rename', target: `device:${id}`, before: { name: before.name }, after: { name: renamed.name } }, this.deps.clock.now());
      return renamed;
    });
    return this.view(after);
  }

  revoke(id: number, caller: Device | null): FleetDevice {
    const after = this.deps.transaction(() => {
      const before = this.existing(id);
      if (before.revokedAt !== null) throw new DeviceError(ErrorCode.CONFLICT, `device ${id} is already revoked`, { kind: 'device-revoked', deviceId: id });
      this.deps.devices.revoke(id, this.deps.clock.now());
      const revoked = this.deps.devices.byId(id)!;
      this.deps.audit.record({ actor: auditActor(caller), action: 'device.revoke', target: `device:${id}`, before: summary(before), after: summary(revoked) }, this.deps.clock.now());
      return revoked;
    });
    // After the commit: its sockets go now, and the token no longer authenticates.
    this.deps.disconnectDevice(id);
    return this.view(after);
  }

  async command(id: number, command: DeviceCommandName, caller: Device | null): Promise<CommandOutcome> {
    const target = this.existing(id);
    const offline = () => new DeviceError(ErrorCode.CONFLICT, `device ${id} is offline`, { kind: 'device-offline', deviceId: id });
    if (target.revokedAt !== null) throw new DeviceError(ErrorCode.CONFLICT, `device ${id} is revoked`, { kind: 'device-revoked', deviceId: id });
    const refusal = commandRefusal(target.role, command);
    if (refusal) throw new DeviceError(ErrorCode.CONFLICT, refusal, { kind: 'command-not-for-role', command, role: target.role });
    if (!this.deps.onlineDeviceIds().has(id)) throw offline();
    // Recorded before sending: a reload or restart may never get to answer.
    this.deps.transaction(() => {
      this.deps.audit.record({ actor: auditActor(caller), action: 'device.command', target: `device:${id}`, before: null, after: { command } }, this.deps.clock.now());
    });
    const outcome = this.deps.commands.send(id, command);
    if (!outcome) throw offline();
    return outcome;
  }

  private existing(id: number): DeviceRecord {
    const record = this.deps.devices.byId(id);
    if (!record) throw new DeviceError(ErrorCode.NOT_FOUND, `no device ${id}`, { kind: 'device-unknown', deviceId: id });
    return record;
  }
}
