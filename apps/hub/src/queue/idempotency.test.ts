import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import type { CounterActor } from './queue-core.js';
import { vnTime } from '../testing/fake-clock.js';
import { CLERK, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { TU_PHAP, XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';

const KIOSK = 3;
const OTHER_KIOSK = 4;
const DAY = '2026-11-23';

describe('issue idempotency (deviceId + requestId)', () => {
  it('returns the same ticket for a retry and consumes no number', () => {
    const { core, store } = openMemoryCore();
    const first = core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value;
    const retry = core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' });
    expect(retry.value).toEqual(first);
    expect(retry.events).toEqual([]);
    expect(store.lastSeq(DAY, '86')).toBe(1);
    expect(core.views.serviceStatus(TU_PHAP).waiting).toBe(1);
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86002']);
  });

  it('refuses the same requestId for another service with CONFLICT', () => {
    const { core, store } = openMemoryCore();
    core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' });
    expectQueueError(() => core.issue({ serviceId: XNC, deviceId: KIOSK, requestId: 'kiosk3-0001' }), ErrorCode.CONFLICT);
    expect(store.lastSeq(DAY, '66')).toBe(0);
  });

  it('keeps request ids of different kiosks apart', () => {
    const { core } = openMemoryCore();
    const a = core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'same-request' }).value;
    const b = core.issue({ serviceId: TU_PHAP, deviceId: OTHER_KIOSK, requestId: 'same-request' }).value;
    expect([a.number, b.number]).toEqual(['86001', '86002']);
  });

  it('answers a retry even when the service has since filled up or the center closed', () => {
    const { core, clock } = openMemoryCore({ config: testCenter({ dailyLimits: { [TU_PHAP]: 1 } }) });
    const first = core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value;
    expect(core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value.number).toBe(first.number);
    clock.set(vnTime('2026-11-23 12:00'));
    expect(core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value.number).toBe(first.number);
  });

  it('finds the ticket after it was transferred, and reports where it waits now', () => {
    const { core } = openMemoryCore();
    core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' });
    callNext(core, 86);
    core.transfer(86, XNC, CLERK);
    const retry = core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value;
    expect(retry).toMatchObject({ number: '86001', serviceId: XNC });
  });

  it('survives a hub restart', () => {
    const temp = openMemoryCore();
    const first = temp.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value;
    const { core } = temp.reopen();
    expect(core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-0001' }).value.id).toBe(first.id);
  });
});

describe('counter command idempotency (deviceId + requestId)', () => {
  const console66 = (requestId: string): CounterActor => ({ deviceId: 66, requestId });

  it('returns the first result of next for a retry and calls no second ticket', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    const first = core.next(66, console66('next-0001'));
    const retry = core.next(66, console66('next-0001'));
    expect(retry.value).toEqual(first.value);
    expect(retry.events).toEqual([]);
    expect(core.views.publicStatus(DAY, '66001').status).toBe('called');
    expect(core.views.publicStatus(DAY, '66002').status).toBe('waiting');
    expect(core.views.counterView(66).current).toBe('66001');
  });

  it('runs a new request id as a new command', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 2);
    core.next(66, console66('next-0001'));
    expect(core.next(66, console66('next-0002')).value.ticket?.number).toBe('66002');
  });

  it('does not record a refused command, so the retry can succeed later', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    core.pause(66, CLERK);
    expectQueueError(() => core.next(66, console66('next-0001')), ErrorCode.CONFLICT);
    core.resume(66, CLERK);
    expect(core.next(66, console66('next-0001')).value.ticket?.number).toBe('66001');
  });

  it('replays recall without counting a second recall', () => {
    const { core } = openMemoryCore();
    issueNumbers(core, XNC, 1);
    callNext(core, 66);
    core.recall(66, console66('recall-0001'));
    expect(core.recall(66, console66('recall-0001')).value.ticket?.recalls).toBe(1);
    expect(core.views.publicStatus(DAY, '66001')).toMatchObject({ status: 'called' });
    expect(core.views.counterQueue(66).serving?.recalls).toBe(1);
  });
});
