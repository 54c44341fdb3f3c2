import { afterEach, describe, expect, it } from 'vitest';
import { reportResponseSchema } from '@layso/shared';
import { FakeClock, MONDAY_MORNING } from '../testing/fake-clock.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { testCenter, TU_PHAP } from '../testing/test-center.js';

const MONDAY = '2026-11-23'; // MONDAY_MORNING's service day

/**
 * A rating posted after midnight for the previous day's ticket, against a real hub:
 * Monday's rollup is built by the report worker first, then the late rating makes it
 * stale and the next report over HTTP counts it.
 */
describe("a late rating of yesterday's ticket", () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    expect(t?.logs).toEqual([]);
    await t?.stop();
    t = undefined;
  });

  it("is counted in yesterday's report although its rollup was already built", async () => {
    const clock = new FakeClock(MONDAY_MORNING);
    const hub = (t = await startTestHub({ clock, config: testCenter() }));
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const issued = await hub.issue(TU_PHAP);
      expect(issued.status).toBe(201);
      numbers.push((issued.body as { number: string }).number);
      expect((await hub.counterCommand(86, 'next')).status).toBe(200);
      expect((await hub.counterCommand(86, 'done')).status).toBe(200);
    }
    const rate = (number: string, score: string) => hub.request('POST', '/api/ratings', { token: hub.tokens.display, json: { day: MONDAY, number, score } });
    expect((await rate(numbers[0]!, 'very-satisfied')).status).toBe(201);

    // Tuesday 08:00: the next command rolls the day over; Monday is now a finished day.
    clock.set(MONDAY_MORNING + 86_400_000);
    expect((await hub.issue(TU_PHAP)).status).toBe(201);
    const mondayReport = async () => {
      const response = await hub.request('GET', `/api/admin/reports?from=${MONDAY}&to=${MONDAY}&groupBy=counter`, { token: hub.tokens.admin });
      expect(response.status, response.text).toBe(200);
      return reportResponseSchema.parse(response.body);
    };
    const before = await mondayReport();
    expect(before.includesToday).toBe(false);
    expect(before.totals).toMatchObject({ served: 2, ratings: { total: 1, satisfied: 1 } });
    const storedRatings = () => hub.db.prepare('SELECT SUM(ratings) FROM report_facts WHERE day = ?').pluck().get(MONDAY);
    const built = () => hub.db.prepare('SELECT COUNT(*) FROM report_days WHERE day = ?').pluck().get(MONDAY);
    expect(built()).toBe(1);
    expect(storedRatings()).toBe(1);

    expect((await rate(numbers[1]!, 'unsatisfied')).status).toBe(201);
    const after = await mondayReport();
    expect(after.totals).toMatchObject({ served: 2, ratings: { total: 2, satisfied: 1, satisfiedShare: 0.5 } });
    expect(after.rows.find((r) => r.key === '86')?.ratings).toEqual({ total: 2, satisfied: 1, satisfiedShare: 0.5 });
    // Rebuilt and stored again (not computed live each time).
    expect(built()).toBe(1);
    expect(storedRatings()).toBe(2);
  }, 60_000);
});
