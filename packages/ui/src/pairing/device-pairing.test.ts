import { describe, expect, it } from 'vitest';
import type { PairingResult } from '@layso/shared';
import { HubApiError } from '../api/hub-request.js';
import { startPairing, type PairingTimers } from './device-pairing.js';

/** Timers the test runs by hand: `run()` fires the one pending step and waits for it. */
function manualTimers(start: number) {
  let pending: (() => void) | null = null;
  let now = start;
  const timers: PairingTimers = {
    setTimeout: (run) => ((pending = run), 1),
    clearTimeout: () => (pending = null),
    now: () => now,
  };
  return {
    timers,
    advance: (ms: number) => (now += ms),
    hasPending: () => pending !== null,
    async run() {
      const step = pending;
      pending = null;
      step?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const START = Date.parse('2026-11-23T01:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const paired: PairingResult = { status: 'paired', token: 'lys_t', role: 'kiosk', counter: null, screen: 'kiosk', name: 'Kiosk' };

describe('startPairing', () => {
  it('shows a code, polls until paired, then stops', async () => {
    const t = manualTimers(START);
    const polls: string[] = [];
    let answer: 'pending' | 'paired' = 'pending';
    const codes: string[] = [];
    const results: PairingResult[] = [];
    startPairing({
      request: { kind: 'kiosk', appVersion: '1' },
      api: {
        createPairing: () => Promise.resolve({ pairingId: 'p'.repeat(32), code: '123456', expiresAt: iso(START + 600_000) }),
        pairingStatus: (id) => (polls.push(id), Promise.resolve(answer === 'paired' ? paired : { status: 'pending' as const, expiresAt: iso(START + 600_000) })),
      },
      onCode: (c) => codes.push(c.code),
      onPaired: (r) => results.push(r),
      timers: t.timers,
    });
    await flush();
    expect(codes).toEqual(['123456']);
    await t.run();
    expect(polls).toEqual(['p'.repeat(32)]);
    answer = 'paired';
    await t.run();
    expect(results).toEqual([paired]);
    expect(t.hasPending()).toBe(false);
  });

  it('asks for a new code before the shown one expires, and at once when the hub forgot it', async () => {
    const t = manualTimers(START);
    let n = 0;
    let forget = false;
    const codes: string[] = [];
    startPairing({
      request: { kind: 'counter-display', appVersion: '1' },
      api: {
        createPairing: () => {
          n += 1;
          return Promise.resolve({ pairingId: `${'p'.repeat(31)}${n}`, code: `00000${n}`, expiresAt: iso(t.timers.now() + 600_000) });
        },
        pairingStatus: () => (forget ? Promise.reject(new HubApiError('NOT_FOUND', 404, 'gone')) : Promise.resolve({ status: 'pending' as const, expiresAt: iso(START + 600_000) })),
      },
      onCode: (c) => codes.push(c.code),
      onPaired: () => undefined,
      renewBeforeMs: 60_000,
      timers: t.timers,
    });
    await flush();
    t.advance(540_000 - 1);
    await t.run();
    expect(codes).toEqual(['000001']);
    t.advance(1);
    await t.run();
    expect(codes).toEqual(['000001', '000002']);
    forget = true;
    await t.run();
    await t.run();
    expect(codes).toEqual(['000001', '000002', '000003']);
  });

  it('reports an unreachable hub once, keeps trying, and clears the problem when it answers', async () => {
    const t = manualTimers(START);
    let down = true;
    const problems: (string | null)[] = [];
    startPairing({
      request: { kind: 'kiosk', appVersion: '1' },
      api: {
        createPairing: () => (down ? Promise.reject(new HubApiError('NETWORK', 0, 'hub unreachable')) : Promise.resolve({ pairingId: 'p'.repeat(32), code: '654321', expiresAt: iso(START + 600_000) })),
        pairingStatus: () => Promise.resolve({ status: 'pending' as const, expiresAt: iso(START + 600_000) }),
      },
      onCode: () => undefined,
      onPaired: () => undefined,
      onProblem: (p) => problems.push(p),
      timers: t.timers,
    });
    await flush();
    await t.run();
    expect(problems).toEqual(['hub unreachable']);
    down = false;
    await t.run();
    expect(problems).toEqual(['hub unreachable', null]);
  });
});
