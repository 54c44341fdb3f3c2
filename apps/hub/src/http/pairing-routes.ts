import type Database from 'better-sqlite3';
import {
  claimPairingRequestSchema,
  createPairingRequestSchema,
  ErrorCode,
  pairingParamsSchema,
  screenOf,
  type PairableRole,
  type PairingKind,
} from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import { fleetDevice } from '../devices/fleet-view.js';
import { PairingCapacityError, type PairingRegistry } from '../devices/pairing-registry.js';
import type { AuditLogStore } from '../store/audit-log-store.js';
import type { DeviceStore } from '../store/device-store.js';
import { ApiError } from './api-error.js';
import type { FailureLimiter } from './failure-limiter.js';
import { route, type Route } from './router.js';

export interface PairingRouteDeps {
  db: Database.Database;
  registry: PairingRegistry;
  devices: DeviceStore;
  audit: AuditLogStore;
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

const addressOf = (req: { socket: { remoteAddress?: string | undefined } }) => req.socket.remoteAddress ?? 'unknown';

/** Pairing: the device side (public, POST + poll) and the admin's claim of a code. */
export function buildPairingRoutes(deps: PairingRouteDeps): Route[] {
  return [
    route({
      method: 'POST',
      path: '/api/pairing',
      access: 'public',
      body: createPairingRequestSchema,
      handle: ({ req, body }) => {
        const address = addressOf(req);
        if (deps.creations.isBlocked(address)) throw new ApiError(ErrorCode.RATE_LIMITED, 'too many pairing codes asked for from this address; try again later', undefined, { kind: 'too-many-pairing-codes' });
        deps.creations.recordFailure(address);
        try {
          const created = deps.registry.create(body);
          return { status: 201, body: { ...created, expiresAt: new Date(created.expiresAt).toISOString() } };
        } catch (error) {
          if (error instanceof PairingCapacityError) throw new ApiError(ErrorCode.RATE_LIMITED, error.message, undefined, { kind: 'too-many-pairing-codes' });
          throw error;
        }
      },
    }),
    route({
      method: 'GET',
      path: '/api/pairing/:pairingId',
      access: 'public',
      params: pairingParamsSchema,
      handle: ({ params }) => {
        const poll = deps.registry.poll(params.pairingId);
        if (!poll) throw new ApiError(ErrorCode.NOT_FOUND, 'no such pairing (it expired or was already collected); ask for a new code');
        if (poll.status === 'pending') return { body: { status: 'pending', expiresAt: new Date(poll.expiresAt).toISOString() } };
        return { body: poll };
      },
    }),
    route({
      method: 'POST',
      path: '/api/admin/pairing',
      access: { roles: ['admin'] },
      body: claimPairingRequestSchema,
      handle: ({ req, device: caller, body }) => {
        const address = addressOf(req);
        if (deps.claimFailures.isBlocked(address)) throw new ApiError(ErrorCode.RATE_LIMITED, 'too many wrong pairing codes; try again in a few minutes', undefined, { kind: 'too-many-wrong-codes' });
        const pending = deps.registry.pending(body.code);
        if (!pending) {
          deps.claimFailures.recordFailure(address);
          throw new ApiError(ErrorCode.NOT_FOUND, `no device shows the code ${body.code} (wrong, expired or already used)`, undefined, {
            kind: 'pairing-code-unknown',
            code: body.code,
          });
        }
        if (!ROLES_BY_KIND[pending.request.kind].includes(body.role)) {
          throw new ApiError(ErrorCode.VALIDATION, `a ${pending.request.kind} cannot be paired as ${body.role} (allowed: ${ROLES_BY_KIND[pending.request.kind].join(', ')})`, undefined, {
            kind: 'pairing-role-not-allowed',
            deviceKind: pending.request.kind,
            role: body.role,
          });
        }
        if (body.counter !== undefined && !deps.hasCounter(body.counter)) {
          throw new ApiError(ErrorCode.VALIDATION, `counter ${body.counter} is not in the center's configuration`, undefined, {
            kind: 'pairing-counter-unknown',
            counter: body.counter,
          });
        }
        const now = deps.clock.now();
        const screen = screenOf(body);
        const counter = body.counter ?? null;
        const created = deps.db.transaction(() => {
          // A token's counter is what it may act for: consoles only. A door screen's counter is
          // what it shows: kept beside it for the fleet view (and renumbering), and in the grant.
          const { device, token } = deps.devices.create(body.role, {
            counter: body.role === 'counter' ? counter : null,
            screen,
            screenCounter: screen === 'door' ? counter : null,
            name: body.name,
            now,
          });
          deps.audit.record(
            {
              actor: auditActor(caller),
              action: 'device.pair',
              target: `device:${device.id}`,
              before: null,
              after: { role: body.role, counter, screen, name: body.name, kind: pending.request.kind, appVersion: pending.request.appVersion, hostname: pending.request.hostname ?? null },
            },
            now,
          );
          if (!deps.registry.complete(body.code, { token, role: body.role, counter, screen, name: body.name })) {
            throw new ApiError(ErrorCode.CONFLICT, `the code ${body.code} was claimed at the same time by someone else`, undefined, {
              kind: 'pairing-code-raced',
              code: body.code,
            });
          }
          return device;
        })();
        return { status: 201, body: { device: fleetDevice(deps.devices.byId(created.id)!, deps.isOnline(created.id)) } };
      },
    }),
  ];
}
