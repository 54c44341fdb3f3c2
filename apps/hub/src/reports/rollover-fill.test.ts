import { describe, expect, it } from 'vitest';
import { backfillRollups, fillRollupsAfterRollover } from './rollover-fill.js';

function fakeReports(failAt = -1) {
  const calls: [string, string][] = [];
  return {
    calls,
    closed: false,
    fill(from: string, to: string) {
      calls.push([from, to]);
      return calls.length - 1 === failAt ? Promise.reject(new Error('disk full')) : Promise.resolve(0);
    },
  };
}

describe('rollup backfill and rollover fill', () => {
  it('backfills newest first in 7-day jobs, back to the oldest ticket', async () => {
    const reports = fakeReports();
    await backfillRollups('2026-11-01', '2026-11-23', reports, () => 'Asia/Ho_Chi_Minh', () => {});
    expect(reports.calls).toEqual([
      ['2026-11-16', '2026-11-22'],
      ['2026-11-09', '2026-11-15'],
      ['2026-11-02', '2026-11-08'],
      ['2026-11-01', '2026-11-01'],
    ]);
  });

  it('goes back one year at most, and not at all without history', async () => {
    const long = fakeReports();
    await backfillRollups('2020-01-01', '2026-11-23', long, () => 'UTC', () => {});
    expect(long.calls.at(-1)).toEqual(['2025-11-22', '2025-11-23']);
    expect(long.calls).toHaveLength(53);
    for (const oldest of [null, '2026-11-23']) {
      const none = fakeReports();
      await backfillRollups(oldest, '2026-11-23', none, () => 'UTC', () => {});
      expect(none.calls).toEqual([]);
    }
  });

  it('stops and logs at the first failure', async () => {
    const reports = fakeReports(1);
    const logs: string[] = [];
    await backfillRollups('2026-10-01', '2026-11-23', reports, () => 'UTC', (m) => logs.push(m));
    expect(reports.calls).toHaveLength(2);
    expect(logs).toEqual(['building missing report rollups failed; reports build them on demand']);
  });

  it('fills the week before a new day on day-changed, nothing on other events', () => {
    const reports = fakeReports();
    fillRollupsAfterRollover([{ type: 'queue-changed', serviceId: 'x' }, { type: 'day-changed', day: '2026-11-24' }], reports, () => 'UTC', () => {});
    expect(reports.calls).toEqual([['2026-11-17', '2026-11-23']]);
  });
});
