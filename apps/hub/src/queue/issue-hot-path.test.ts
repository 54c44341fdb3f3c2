import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { expectQueueError } from '../testing/queue-helpers.js';
import { TU_PHAP, XNC } from '../testing/test-center.js';
import { openMemoryCore, type MemoryCore } from '../testing/memory-core.js';

const KIOSK = 3;

/** Counts how often the core asks the store for a ticket by request id. */
function countLookups(t: MemoryCore): { lookups: number } {
  const counter = { lookups: 0 };
  const original = t.store.getTicketByRequest.bind(t.store);
  t.store.getTicketByRequest = (deviceId, requestId) => {
    counter.lookups += 1;
    return original(deviceId, requestId);
  };
  return counter;
}

describe('issue: retries found through the unique (device, request id) index', () => {
  it('reads nothing before inserting a new ticket', () => {
    const t = openMemoryCore();
    const counter = countLookups(t);
    for (let i = 0; i < 5; i += 1) t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: `kiosk3-${i}` });
    expect(counter.lookups).toBe(0);
    expect(t.core.views.serviceStatus(TU_PHAP).waiting).toBe(5);
  });

  it('answers a retry in the same group commit with the ticket issued earlier in it, and draws no number', () => {
    const t = openMemoryCore();
    const [first, retry, other] = t.core.inOneCommit(() => [
      t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-a' }).value,
      t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-a' }).value,
      t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-b' }).value,
    ]);
    expect(retry).toEqual(first);
    expect(other.number).toBe('86002');
    expectQueueError(() => t.core.issue({ serviceId: XNC, deviceId: KIOSK, requestId: 'kiosk3-a' }), ErrorCode.CONFLICT);
    expect(t.store.lastSeq(first.day, '66')).toBe(0);
  });

  it('answers a retry with the ticket as it is now, with its current place in the queue', () => {
    const t = openMemoryCore();
    t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-a' });
    const mine = t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-b' }).value;
    expect(mine.ahead).toBe(1);
    t.core.next(86, { deviceId: null });
    expect(t.core.issue({ serviceId: TU_PHAP, deviceId: KIOSK, requestId: 'kiosk3-b' }).value).toMatchObject({ number: mine.number, ahead: 0 });
  });
});
