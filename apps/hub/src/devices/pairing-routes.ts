import { claimPairingRequestSchema, createPairingRequestSchema, pairingParamsSchema } from '@layso/shared';
import { route, type Route } from '../http/router.js';
import type { PairingService } from './pairing-service.js';

const addressOf = (req: { socket: { remoteAddress?: string | undefined } }) => req.socket.remoteAddress ?? 'unknown';
const iso = (ms: number) => new Date(ms).toISOString();

/** Pairing: the device side (public, POST + poll) and the admin's claim of a code. */
export function buildPairingRoutes(pairing: PairingService): Route[] {
  return [
    route({
      method: 'POST',
      path: '/api/pairing',
      access: 'public',
      body: createPairingRequestSchema,
      handle: ({ req, body }) => {
        const created = pairing.create(body, addressOf(req));
        return { status: 201, body: { ...created, expiresAt: iso(created.expiresAt) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/pairing/:pairingId',
      access: 'public',
      params: pairingParamsSchema,
      handle: ({ params }) => {
        const poll = pairing.poll(params.pairingId);
        return { body: poll.status === 'pending' ? { status: 'pending', expiresAt: iso(poll.expiresAt) } : poll };
      },
    }),
    route({
      method: 'POST',
      path: '/api/admin/pairing',
      access: { roles: ['admin'] },
      body: claimPairingRequestSchema,
      handle: ({ req, device: caller, body }) => ({ status: 201, body: { device: pairing.claim(body, caller, addressOf(req)) } }),
    }),
  ];
}
