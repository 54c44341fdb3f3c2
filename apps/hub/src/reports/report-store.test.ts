import { describe, expect, it } from 'vitest';
import { SqliteRatingStore } from '../store/sqlite-rating-store.js';
import { vnTime } from '../test/fake-clock.js';
import { openTempStore } from '../test/temp-store.js';
import { testCenter, TU_PHAP } from '../test/test-center.js';
import { ReportEngine } from './report-engine.js';
import { ReportStore } from './report-store.js';

const D = '2026-11-23';

describe('ReportStore.builtDays: a rollup missing ratings of its day is stale', () => {
  it('a rating committed while the rollup was being built gets the day rebuilt, once', () => {
    const t = openTempStore({ config: testCenter() });
    const { core, clock } = t;
    clock.set(vnTime(`${D} 08:00`));
    const ticket = core.issue({ serviceId: TU_PHAP }).value;
    core.next(86, { deviceId: null });
    core.done(86, { deviceId: null });
    clock.set(vnTime('2026-11-24 08:00'));
    core.issue({ serviceId: TU_PHAP }); // rolls the day over: D is finished
    const timeZone = core.config.timeZone;
    const engine = new ReportEngine(t.db, () => clock.now());
    const store = new ReportStore(t.db);

    // The worker read D's tickets and ratings (none yet) ...
    const snapshot = engine.aggregate(D, timeZone);
    // ... the hub stored a late rating meanwhile ...
    const served = core.getTicket(ticket.id)!;
    new SqliteRatingStore(t.db).insert({ ticketId: served.id, day: D, counter: served.counter, serviceId: served.serviceId, clerk: served.clerk, score: 'satisfied', reason: null, at: clock.now() });
    // ... and the worker saved what it had read.
    store.saveRollup(D, snapshot, clock.now());
    expect(store.builtDays(D, D)).toEqual(new Set());

    expect(engine.fillFinishedDays(D, D, timeZone)).toBe(1);
    expect(store.builtDays(D, D)).toEqual(new Set([D]));
    expect(engine.fillFinishedDays(D, D, timeZone)).toBe(0); // complete now: not rebuilt again
    const report = engine.report({ from: D, to: D, groupBy: 'service', serviceLevelMin: 15, config: core.config });
    expect(report.totals).toMatchObject({ served: 1, ratings: { total: 1, satisfied: 1 } });
  });

  it('days without ratings stay built', () => {
    const t = openTempStore({ config: testCenter() });
    t.clock.set(vnTime('2026-11-24 08:00'));
    t.core.issue({ serviceId: TU_PHAP });
    const engine = new ReportEngine(t.db, () => t.clock.now());
    expect(engine.fillFinishedDays('2026-11-20', '2026-11-23', t.core.config.timeZone)).toBe(4);
    expect(new ReportStore(t.db).builtDays('2026-11-20', '2026-11-23').size).toBe(4);
    expect(engine.fillFinishedDays('2026-11-20', '2026-11-23', t.core.config.timeZone)).toBe(0);
  });
});
