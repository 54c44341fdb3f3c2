import { ErrorCode, screenOf, type ClaimPairingRequest, type CreatePairingRequest, type FleetDevice, type PairableRole, type PairingKind } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { FailureLimiter } from '../http/failure-limiter.js';
import type { TransactionRunner } from '../store/transaction-runner.js';
import type { Device } from '../auth/caller.js';
import { DeviceError } from './device-error.js';
import type { DeviceStore } from './device-store.js';
import { fleetDevice } from './fleet-view.js';
import { PairingCapacityError, type PairingPoll, type PairingRegistry } from './pairing-registry.js';

export interface PairingServiceDeps {
  registry: PairingRegistry;
  devices: DeviceStore;
  audit: AuditLogStore;
  transaction: TransactionRunner;
  hasCounter(counter: number): boolean;
  isOnline(deviceId: number): boolean;
  clock: { now(): number };
  /** Codes asked for per address (each request counts), so nobody fills the code space. */
  creations: FailureLimiter;
  /** Wrong codes typed per address, so codes cannot be guessed in practice. */
  claimFailures: FailureLimiter;
}

/** The roles each app can take: a kiosk is a kiosk; a counter-display is a console or a screen. */
const ROLES_BY_KIND: Record<PairingKind, readonly PairableRole[]> = {
  kiosk: ['kiosk'],
  'counter-display': ['counter', 'display'],
};

/** Pairing: a device asks for a code and polls; an admin claims the code it shows, which creates its token. */
export class PairingService {
  constructor(private readonly deps: PairingServiceDeps) {}

  /** A new code for the device at `address`. */
  create(request: CreatePairingRequest, address: string): { pairingId: string; code: string; expiresAt: number } {
    const tooMany = (message: string) => new DeviceError(ErrorCode.RATE_LIMITED, message, { kind: 'too-many-pairing-codes' });
    if (this.deps.creations.isBlocked(address)) throw tooMany('too many pairing codes asked for from this address; try again later');
    this.deps.creations.recordFailure(address);
    try {
      return this.deps.registry.create(request);
    } catch (error) {
      if (error instanceof PairingCapacityError) throw tooMany(error.message);
      throw error;
    }
  }

  poll(pairingId: string): PairingPoll {
    const poll = this.deps.registry.poll(pairingId);
    if (!poll) throw new DeviceError(ErrorCode.NOT_FOUND, 'no such pairing (it expired or was already collected); ask for a new code');
    return poll;
  }

  /** The admin's claim of a code typed from the device's screen (from `address`). */
  claim(body: ClaimPairingRequest, caller: Device | null, address: string): FleetDevice {
    if (this.deps.claimFailures.isBlocked(address)) throw new DeviceError(ErrorCode.RATE_LIMITED, 'too many wrong pairing codes; try again in a few minutes', { kind: 'too-many-wrong-codes' });
    const pending = this.deps.registry.pending(body.code);
    if (!pending) {
      this.deps.claimFailures.recordFailure(address);
      throw new DeviceError(ErrorCode.NOT_FOUND, `no device shows the code ${body.code} (wrong, expired or already used)`, { kind: 'pairing-code-unknown', code: body.code });
    }
    const kind = pending.request.kind;
    if (!ROLES_BY_KIND[kind].includes(body.role)) {
      throw new DeviceError(ErrorCode.VALIDATION, `a ${kind} cannot be paired as ${body.role} (allowed: ${ROLES_BY_KIND[kind].join(', ')})`, {
        kind: 'pairing-role-not-allowed',
        deviceKind: kind,
        role: body.role,
      });
    }
    if (body.counter !== undefined && !this.deps.hasCounter(body.counter)) {
      throw new DeviceError(ErrorCode.VALIDATION, `counter ${body.counter} is not in the center's configuration`, { kind: 'pairing-counter-unknown', counter: body.counter });
    }
    const now = this.deps.clock.now();
    const screen = screenOf(body);
    const counter = body.counter ?? null;
    const created = this.deps.transaction(() => {
      // A token's counter is what it may act for: consoles only. A door screen's counter is
      // what it shows: kept beside it for the fleet view (and renumbering), and in the grant.
      const { device, token } = this.deps.devices.create(body.role, {
        counter: body.role === 'counter' ? counter : null,
        screen,
        screenCounter: screen === 'door' ? counter : null,
        name: body.name,
        now,
      });
      this.deps.audit.record(
        {
          actor: auditActor(caller),
          action: 'device.pair',
          target: `device:${device.id}`,
          before: null,
          after: { role: body.role, counter, screen, name: body.name, kind, appVersion: pending.request.appVersion, hostname: pending.request.hostname ?? null },
        },
        now,
      );
      if (!this.deps.registry.complete(body.code, { token, role: body.role, counter, screen, name: body.name })) {
        throw new DeviceError(ErrorCode.CONFLICT, `the code ${body.code} was claimed at the same time by someone else`, { kind: 'pairing-code-raced', code: body.code });
      }
      return device;
    });
    return fleetDevice(this.deps.devices.byId(created.id)!, this.deps.isOnline(created.id));
  }
}
