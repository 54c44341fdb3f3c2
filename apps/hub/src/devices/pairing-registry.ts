import { randomBytes, randomInt } from 'node:crypto';
import type { DeviceScreen, PairableRole, PairingKind } from '@layso/shared';

/** How long a code shown on a device stays valid. */
export const PAIRING_TTL_MS = 10 * 60_000;
/**
 * At most this many codes pending at once: with 10⁶ possible codes, a guess then hits
 * a pending one with a chance of at most 1 in 2 000, and claim failures are rate
 * limited per address on top.
 */
export const MAX_PENDING = 500;

export interface PairingRequest {
  kind: PairingKind;
  appVersion: string;
  hostname?: string | undefined;
}

/** What the device receives once the admin has claimed its code. */
export interface PairingGrant {
  token: string;
  role: PairableRole;
  counter: number | null;
  screen: DeviceScreen;
  name: string;
}

interface Pairing {
  id: string;
  code: string;
  request: PairingRequest;
  expiresAt: number;
  grant: PairingGrant | null;
}

export type PairingPoll = { status: 'pending'; expiresAt: number } | ({ status: 'paired' } & PairingGrant);

export class PairingCapacityError extends Error {
  constructor() {
    super('too many pairing codes are pending; try again in a few minutes');
  }
}

/**
 * The pairing codes shown on new devices, in memory only: a hub restart just makes
 * the devices ask for a new code. The code is the short, public half (typed by the
 * admin); the pairing id is the long, secret half the device polls with, so seeing a
 * code on a screen is never enough to collect the token.
 */
export class PairingRegistry {
  private readonly byId = new Map<string, Pairing>();
  private readonly byCode = new Map<string, Pairing>();

  constructor(
    private readonly clock: { now(): number },
    /** Six digits; injectable so tests can force collisions. */
    private readonly randomCode: () => string = () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
  ) {}

  create(request: PairingRequest): { pairingId: string; code: string; expiresAt: number } {
    this.sweep();
    if (this.byCode.size >= MAX_PENDING) throw new PairingCapacityError();
    let code = this.randomCode();
    // Unique among pending codes; the cap above keeps this loop short.
    while (this.byCode.has(code)) code = this.randomCode();
    const pairing: Pairing = { id: randomBytes(24).toString('base64url'), code, request, expiresAt: this.clock.now() + PAIRING_TTL_MS, grant: null };
    this.byId.set(pairing.id, pairing);
    this.byCode.set(code, pairing);
    return { pairingId: pairing.id, code, expiresAt: pairing.expiresAt };
  }

  /** The unclaimed pairing a code stands for, or null (unknown, expired or already claimed). */
  pending(code: string): { request: PairingRequest } | null {
    this.sweep();
    const pairing = this.byCode.get(code);
    return pairing && pairing.grant === null ? { request: pairing.request } : null;
  }

  /**
   * Attaches the device's token to a pending code. The code is retired at once (it
   * cannot be claimed twice); the grant waits for the device until the pairing expires.
   */
  complete(code: string, grant: PairingGrant): boolean {
    this.sweep();
    const pairing = this.byCode.get(code);
    if (!pairing || pairing.grant !== null) return false;
    pairing.grant = grant;
    this.byCode.delete(code);
    return true;
  }

  /** The device's poll. A grant is handed over once, then the pairing is forgotten. */
  poll(pairingId: string): PairingPoll | null {
    this.sweep();
    const pairing = this.byId.get(pairingId);
    if (!pairing) return null;
    if (pairing.grant === null) return { status: 'pending', expiresAt: pairing.expiresAt };
    this.byId.delete(pairingId);
    return { status: 'paired', ...pairing.grant };
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const pairing of this.byId.values()) {
      if (pairing.expiresAt > now) continue;
      this.byId.delete(pairing.id);
      if (this.byCode.get(pairing.code) === pairing) this.byCode.delete(pairing.code);
    }
  }
}
