import { describe, expect, it } from 'vitest';
import { SqliteRatingStore } from '../rating/sqlite-rating-store.js';
import { vnTime } from '../testing/fake-clock.js';
import { openTempStore } from '../testing/temp-store.js';
import { testCenter, TU_PHAP } from '../testing/test-center.js';
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

describe('ReportStore.builtDays: a rollup built while the clock ran ahead is stale', () => {
  it('days that looked finished on a future clock are rebuilt once the clock is set right', () => {
    const t = openTempStore({ config: testCenter() });
    const { core, clock } = t;
    const serveOne = () => {
      core.issue({ serviceId: TU_PHAP });
      core.next(86, { deviceId: null });
      core.done(86, { deviceId: null });
    };
    const timeZone = core.config.timeZone;
    const engine = new ReportEngine(t.db, () => clock.now());
    clock.set(vnTime(`${D} 08:00`));
    serveOne();
    // The RTC jumps 400 days: D and the 24th look finished, and a report builds their rollups.
    clock.set(vnTime(`${D} 08:00`) + 400 * 86_400_000);
    core.tick();
    expect(engine.fillFinishedDays(D, '2026-11-24', timeZone)).toBe(2);
    // NTP sets the clock right: D goes on, the 24th happens.
    clock.set(vnTime(`${D} 09:00`));
    core.tick();
    serveOne();
    clock.set(vnTime('2026-11-24 08:00'));
    serveOne();
    clock.set(vnTime('2026-11-25 08:00'));
    core.tick();
    expect(new ReportStore(t.db).builtDays(D, '2026-11-24', clock.now())).toEqual(new Set());
    const report = engine.report({ from: D, to: '2026-11-24', groupBy: 'service', serviceLevelMin: 15, config: core.config });
    expect(report.totals).toMatchObject({ served: 3 });
    expect(new ReportStore(t.db).builtDays(D, '2026-11-24', clock.now())).toEqual(new Set([D, '2026-11-24']));
  });
});
