import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { IssueBatcher } from './issue-batcher.js';
import type { QueueEvent } from './queue-core.js';
import { QueueError } from './queue-error.js';
import { vnTime } from '../testing/fake-clock.js';
import { ALWAYS_OPEN, TU_PHAP, XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore, type MemoryCore, type MemoryCoreOptions } from '../testing/memory-core.js';

/**
 * A batcher over the in-memory store, recording what it publishes, whether a transaction
 * was still open then, and the tickets stored at that moment (a store that is not in a
 * transaction holds only committed writes). That a committed transaction is visible to
 * another SQLite connection is the store contract's (sqlite-queue-store.contract.integration.test.ts).
 */
function batcherOn(options: MemoryCoreOptions & { maxBatch?: number } = {}) {
  const temp = openMemoryCore(options);
  const committedTickets = () => {
    if (temp.store.inTransaction) throw new Error('asked for committed tickets inside a transaction');
    return [TU_PHAP, XNC].reduce((n, serviceId) => n + temp.store.countOpen({ serviceId, includeBooked: true, now: temp.clock.now() }), 0);
  };
  const published: { events: QueueEvent[]; inTransaction: boolean; ticketsVisibleToOthers: number | null }[] = [];
  const batcher = new IssueBatcher(
    temp.core,
    (events) => published.push({ events, inTransaction: temp.store.inTransaction, ticketsVisibleToOthers: temp.store.inTransaction ? null : committedTickets() }),
    options.maxBatch,
  );
  return { ...temp, batcher, published, committedTickets };
}

const commitsDuring = async <T>(temp: MemoryCore, run: () => Promise<T>) => {
  const before = temp.store.commits;
  const result = await run();
  return { result, commits: temp.store.commits - before };
};

describe('IssueBatcher (group commit)', () => {
  it('issues several tickets in one batch with a single commit', async () => {
    const temp = batcherOn();
    const { result, commits } = await commitsDuring(temp, () =>
      Promise.all([TU_PHAP, XNC, TU_PHAP].map((serviceId) => temp.batcher.issue({ serviceId }))),
    );
    expect(result.map((t) => t.number)).toEqual(['86001', '66001', '86002']);
    expect(commits).toBe(1);
    expect(temp.batcher.batches).toBe(1);
    expect(temp.committedTickets()).toBe(3);
  });

  it('lets one refused ticket (QUEUE_FULL) fail alone', async () => {
    const temp = batcherOn({ config: testCenter({ dailyLimits: { [TU_PHAP]: 1 } }) });
    const results = await Promise.allSettled([TU_PHAP, TU_PHAP, XNC].map((serviceId) => temp.batcher.issue({ serviceId })));
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { number: '86001' } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.any(QueueError) });
    expect((results[1] as PromiseRejectedResult).reason.code).toBe(ErrorCode.QUEUE_FULL);
    expect(results[2]).toMatchObject({ status: 'fulfilled', value: { number: '66001' } });
    expect(temp.batcher.batches).toBe(1);
    expect(temp.committedTickets()).toBe(2);
    expect(temp.store.lastSeq('2026-11-23', '86')).toBe(1);
  });

  it('publishes the events only after the commit, and before any caller hears back', async () => {
    const temp = batcherOn();
    // How many publishes each caller had seen when its promise resolved.
    const publishedWhenResolved = await Promise.all(
      [TU_PHAP, XNC].map((serviceId) => temp.batcher.issue({ serviceId }).then(() => temp.published.length)),
    );
    expect(publishedWhenResolved).toEqual([1, 1]);
    expect(temp.published).toHaveLength(1);
    const [batch] = temp.published;
    expect(batch).toMatchObject({ inTransaction: false, ticketsVisibleToOthers: 2 });
    expect(batch!.events).toEqual([
      { type: 'queue-changed', serviceId: TU_PHAP },
      { type: 'queue-changed', serviceId: XNC },
    ]);
  });

  it('publishes the day change even when the first issue of the day is refused', async () => {
    const temp = batcherOn({ config: testCenter({ openingHours: ALWAYS_OPEN }) });
    temp.clock.set(vnTime('2026-11-24 00:00:01'));
    const results = await Promise.allSettled([temp.batcher.issue({ serviceId: 'khong-co' }), temp.batcher.issue({ serviceId: XNC })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(temp.published.flatMap((p) => p.events)).toContainEqual({ type: 'day-changed', day: '2026-11-24' });
  });

  it('answers a retry inside the same batch with the same ticket', async () => {
    const temp = batcherOn();
    const command = { serviceId: TU_PHAP, deviceId: 3, requestId: 'kiosk3-0001' };
    const [a, b] = await Promise.all([temp.batcher.issue(command), temp.batcher.issue(command)]);
    expect(b).toEqual(a);
    expect(temp.committedTickets()).toBe(1);
  });

  it('starts a new batch when maxBatch is reached', async () => {
    const temp = batcherOn({ maxBatch: 2 });
    const { result, commits } = await commitsDuring(temp, () => Promise.all([1, 2, 3].map(() => temp.batcher.issue({ serviceId: XNC }))));
    expect(result.map((t) => t.number)).toEqual(['66001', '66002', '66003']);
    expect(temp.batcher.batches).toBe(2);
    expect(commits).toBe(2);
  });
});
