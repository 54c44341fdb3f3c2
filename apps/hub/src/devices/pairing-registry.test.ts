import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { MAX_PENDING, PAIRING_TTL_MS, PairingCapacityError, PairingRegistry, type PairingGrant } from './pairing-registry.js';

const kiosk = { kind: 'kiosk' as const, appVersion: '1.0.0' };
const grant: PairingGrant = { token: 'lys_secret', role: 'kiosk', counter: null, screen: 'kiosk', name: 'Kiosk sảnh' };

describe('PairingRegistry', () => {
  it('hands out six digits and a long secret pairing id', () => {
    const registry = new PairingRegistry(new FakeClock());
    const created = registry.create(kiosk);
    expect(created.code).toMatch(/^\d{6}$/);
    expect(created.pairingId.length).toBeGreaterThanOrEqual(32);
    expect(created.pairingId).not.toContain(created.code);
  });

  it('is pending until claimed, then hands the grant over exactly once', () => {
    const clock = new FakeClock();
    const registry = new PairingRegistry(clock);
    const { pairingId, code, expiresAt } = registry.create(kiosk);
    expect(expiresAt).toBe(clock.now() + PAIRING_TTL_MS);
    expect(registry.poll(pairingId)).toEqual({ status: 'pending', expiresAt });
    expect(registry.pending(code)).toEqual({ request: kiosk });
    expect(registry.complete(code, grant)).toBe(true);
    expect(registry.poll(pairingId)).toEqual({ status: 'paired', ...grant });
    expect(registry.poll(pairingId)).toBeNull();
  });

  it('retires a code once claimed: it cannot be claimed twice', () => {
    const registry = new PairingRegistry(new FakeClock());
    const { code } = registry.create(kiosk);
    expect(registry.complete(code, grant)).toBe(true);
    expect(registry.pending(code)).toBeNull();
    expect(registry.complete(code, { ...grant, token: 'lys_other' })).toBe(false);
  });

  it('forgets a code and its pairing after 10 minutes', () => {
    const clock = new FakeClock();
    const registry = new PairingRegistry(clock);
    const { pairingId, code } = registry.create(kiosk);
    clock.advance({ ms: PAIRING_TTL_MS - 1 });
    expect(registry.pending(code)).not.toBeNull();
    clock.advance({ ms: 1 });
    expect(registry.pending(code)).toBeNull();
    expect(registry.complete(code, grant)).toBe(false);
    expect(registry.poll(pairingId)).toBeNull();
  });

  it('drops a claimed grant the device never collected when the pairing expires', () => {
    const clock = new FakeClock();
    const registry = new PairingRegistry(clock);
    const { pairingId, code } = registry.create(kiosk);
    registry.complete(code, grant);
    clock.advance({ ms: PAIRING_TTL_MS });
    expect(registry.poll(pairingId)).toBeNull();
  });

  it('never gives two pending pairings the same code, even when the random source repeats', () => {
    const sequence = ['111111', '111111', '111111', '222222', '111111', '222222', '333333'];
    let i = 0;
    const registry = new PairingRegistry(new FakeClock(), () => sequence[i++]!);
    const codes = [registry.create(kiosk).code, registry.create(kiosk).code, registry.create(kiosk).code];
    expect(codes).toEqual(['111111', '222222', '333333']);
  });

  it('reuses a code once its pairing has expired', () => {
    const clock = new FakeClock();
    const registry = new PairingRegistry(clock, () => '424242');
    const first = registry.create(kiosk);
    clock.advance({ ms: PAIRING_TTL_MS });
    const second = registry.create(kiosk);
    expect(second.code).toBe('424242');
    expect(second.pairingId).not.toBe(first.pairingId);
  });

  it(`refuses new codes while ${MAX_PENDING} are pending, and accepts again once they expire`, () => {
    const clock = new FakeClock();
    const registry = new PairingRegistry(clock);
    const codes = new Set<string>();
    for (let n = 0; n < MAX_PENDING; n += 1) codes.add(registry.create(kiosk).code);
    expect(codes.size).toBe(MAX_PENDING);
    expect(() => registry.create(kiosk)).toThrow(PairingCapacityError);
    clock.advance({ ms: PAIRING_TTL_MS });
    expect(registry.create(kiosk).code).toMatch(/^\d{6}$/);
  });
});
