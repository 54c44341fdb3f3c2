import { describe, expect, it } from 'vitest';
import type { ReportFigures, ReportGroupBy, ReportResponse } from '@layso/shared';
import { SqliteRatingStore } from '../rating/sqlite-rating-store.js';
import { vnTime } from '../testing/fake-clock.js';
import { openTempStore, type TempStore } from '../testing/temp-store.js';
import { testCenter, TU_PHAP, VISA, XNC, ELDERLY } from '../testing/test-center.js';
import { ReportEngine } from './report-engine.js';

/**
 * A small day run through the real queue core with a fake clock, and every report
 * figure checked against numbers worked out by hand below.
 *
 * Monday 2026-11-23 (day D), center: counter 86 serves Tư pháp + XNC (clerk "lan"),
 * counter 66 serves XNC (clerk "minh"), counter 68 serves Visa (no clerk signed in).
 *
 *  T1 86001 Tư pháp  kiosk     issued 08:00      called 86 08:36:30  done 09:00      wait 36:30 (bucket 37) service 23:30
 *  T2 86002 Tư pháp  priority  issued 08:05      called 86 08:30     done 08:36:30   wait 25:00 (25)        service  6:30
 *  T3 66001 XNC      online    booked 08:10, checked in 08:20, called 66 08:45, recalled 08:46, transferred to Visa 08:50,
 *                              called 68 08:55, done 09:05           wait 25:00 (from check-in, not 35)  service 10:00
 *  T4 68001 Visa     kiosk     issued 08:12      called 68 08:40     skipped 08:41   wait 28:00 (28)
 *  T5 66002 XNC      kiosk     issued 08:15      called 66 09:10     done 09:12      wait 55:00 (55)        service  2:00
 *  T6 68002 Visa     kiosk     issued 08:20      cancelled 08:52
 *  T7 68003 Visa     kiosk     issued 08:25      never called → expired at the rollover to D+1 (belongs to D)
 *  T9 86003 Tư pháp  kiosk     issued 16:50      called 86 16:58     never finished → expired at rollover   wait 8:00 (8)
 *  T10 86001 Tư pháp kiosk     issued D+1 08:00 (the next day: not in D's report)
 * Ratings: T1 satisfied, T2 very satisfied (86, lan, Tư pháp); T3 unsatisfied (68, no clerk, Visa).
 */
const D = '2026-11-23';
const D1 = '2026-11-24';
const LAN = { deviceId: null, clerk: 'lan' };
const MINH = { deviceId: null, clerk: 'minh' };
const NOBODY = { deviceId: null };

function runDay(): TempStore {
  const t = openTempStore({ config: testCenter({ online: { checkInRequired: true } }) });
  const { core, clock } = t;
  const at = (time: string) => clock.set(vnTime(`${D} ${time}`));
  const ratings = new SqliteRatingStore(t.db);

  at('08:00');
  const t1 = core.issue({ serviceId: TU_PHAP }).value;
  at('08:05');
  core.issue({ serviceId: TU_PHAP, priority: ELDERLY });
  at('08:10');
  const t3 = core.book({ serviceId: XNC, bookingRef: 'BK-1', deadline: vnTime(`${D} 08:40`) }).value;
  at('08:12');
  core.issue({ serviceId: VISA });
  at('08:15');
  core.issue({ serviceId: XNC });
  at('08:20');
  core.checkIn(t3.id);
  const t6 = core.issue({ serviceId: VISA }).value;
  at('08:25');
  core.issue({ serviceId: VISA });
  at('08:30');
  expect(core.next(86, LAN).value.ticket?.number).toBe('86002'); // priority first (strict)
  at('08:36:30');
  expect(core.next(86, LAN).value.ticket?.number).toBe('86001'); // T2 done, T1 called
  at('08:40');
  expect(core.next(68, NOBODY).value.ticket?.number).toBe('68001');
  at('08:41');
  core.skip(68, NOBODY);
  at('08:45');
  expect(core.next(66, MINH).value.ticket?.number).toBe('66001');
  at('08:46');
  core.recall(66, MINH);
  at('08:50');
  core.transfer(66, VISA, MINH);
  at('08:52');
  core.cancel(t6.id);
  at('08:55');
  expect(core.next(68, NOBODY).value.ticket?.number).toBe('66001'); // the transferred ticket heads the Visa queue
  at('09:00');
  core.done(86, LAN);
  at('09:05');
  core.done(68, NOBODY);
  at('09:10');
  expect(core.next(66, MINH).value.ticket?.number).toBe('66002');
  at('09:12');
  core.done(66, MINH);
  at('16:50');
  core.issue({ serviceId: TU_PHAP });
  at('16:58');
  expect(core.next(86, LAN).value.ticket?.number).toBe('86003');

  for (const [number, score] of [
    ['86001', 'satisfied'],
    ['86002', 'very-satisfied'],
    ['66001', 'unsatisfied'],
  ] as const) {
    const ticket = core.findTicket(D, number)!;
    ratings.insert({ ticketId: ticket.id, day: D, counter: ticket.counter, serviceId: ticket.serviceId, clerk: ticket.clerk, score, reason: null, at: clock.now() });
  }
  expect(t1.number).toBe('86001');

  // The next morning: the rollover expires T7 (waiting) and T9 (called), dated D+1.
  clock.set(vnTime(`${D1} 08:00`));
  core.issue({ serviceId: TU_PHAP });
  expect(core.findTicket(D, '86003')!.status).toBe('expired');
  expect(core.findTicket(D, '68003')!.status).toBe('expired');
  return t;
}

function report(t: TempStore, groupBy: ReportGroupBy, options: { from?: string; to?: string; serviceLevelMin?: number; live?: boolean } = {}): ReportResponse {
  const engine = new ReportEngine(t.db, () => t.clock.now());
  return engine.report({ from: options.from ?? D, to: options.to ?? D, groupBy, serviceLevelMin: options.serviceLevelMin ?? 15, config: t.core.config, ...(options.live ? { live: true } : {}) });
}

/** Counts left at zero unless given; the derived figures must all be given. */
function figures(f: Partial<ReportFigures> & Pick<ReportFigures, 'avgWaitMin' | 'p90WaitMin' | 'maxWaitMin' | 'avgServiceMin' | 'serviceLevel' | 'noShowRate' | 'ratings'>): ReportFigures {
  return { issued: 0, walkIn: 0, online: 0, priority: 0, served: 0, noShow: 0, expired: 0, cancelled: 0, transferred: 0, recalls: 0, called: 0, withinTarget: 0, ...f };
}

function row(r: ReportResponse, key: string) {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key}`);
  const { key: _key, label: _label, labelEn: _labelEn, ...rest } = found;
  return rest;
}

const NO_RATINGS = { total: 0, satisfied: 0, satisfiedShare: null };

describe('report figures against a hand-computed day', () => {
  it('totals: counts, waits (recall and transfer do not restart them), service times, service level, ratings', () => {
    const r = report(runDay(), 'service');
    expect(r.today).toBe(D1);
    expect(r.includesToday).toBe(false);
    // called 6 waits: 36.5 + 25 + 8 + 25 + 55 + 28 = 177.5 min → avg 29.58 → 29.6;
    // buckets 8,25,25,28,37,55: rank ⌈0.9·6⌉ = 6 → 55; ≤ 15 min: T9 only → 1/6.
    // served 4: 23.5 + 6.5 + 10 + 2 = 42 min → 10.5. Ratings 2 of 3 satisfied.
    expect(r.totals).toEqual(
      figures({
        issued: 8,
        walkIn: 7,
        online: 1,
        priority: 1,
        served: 4,
        noShow: 1,
        expired: 2,
        cancelled: 1,
        transferred: 1,
        recalls: 1,
        called: 6,
        avgWaitMin: 29.6,
        p90WaitMin: 55, maxWaitMin: 55, noShowRate: 0.2,
        avgServiceMin: 10.5,
        withinTarget: 1,
        serviceLevel: 0.1667,
        ratings: { total: 3, satisfied: 2, satisfiedShare: 0.6667 },
      }),
    );
  });

  it('by service: issued and waits under the service issued for, outcomes under the service that ended it', () => {
    const r = report(runDay(), 'service');
    expect(r.rows.map((x) => [x.key, x.label])).toEqual([
      [TU_PHAP, 'Tư pháp'],
      [XNC, 'Công an tỉnh (XNC)'],
      [VISA, 'Visa'],
    ]);
    // Tư pháp: T1, T2, T9. Waits 36.5, 25, 8 → 69.5/3 = 23.17 → 23.2; rank ⌈2.7⌉ = 3 → 37; ≤15: 1/3.
    // Served T1 + T2: 23.5 + 6.5 = 30 → 15.0. T9 expired at rollover.
    expect(row(r, TU_PHAP)).toEqual(
      figures({
        issued: 3,
        walkIn: 3,
        priority: 1,
        served: 2,
        expired: 1,
        called: 3,
        avgWaitMin: 23.2,
        p90WaitMin: 37, maxWaitMin: 37, noShowRate: 0,
        avgServiceMin: 15,
        withinTarget: 1,
        serviceLevel: 0.3333,
        ratings: { total: 2, satisfied: 2, satisfiedShare: 1 },
      }),
    );
    // XNC: T3 (online, transferred away) and T5. Waits 25 (check-in 08:20 → 08:45) and 55 → 40.0; rank 2 → 55.
    // Only T5 is served here (2 min); T3's outcome belongs to Visa.
    expect(row(r, XNC)).toEqual(
      figures({ issued: 2, walkIn: 1, online: 1, transferred: 1, served: 1, called: 2, avgWaitMin: 40, p90WaitMin: 55, maxWaitMin: 55, noShowRate: 0, avgServiceMin: 2, serviceLevel: 0, ratings: NO_RATINGS }),
    );
    // Visa: issued T4, T6, T7; served T3 (10 min, recalled once), T4 no-show, T6 cancelled, T7 expired. Wait T4 28.
    expect(row(r, VISA)).toEqual(
      figures({
        issued: 3,
        walkIn: 3,
        served: 1,
        noShow: 1,
        expired: 1,
        cancelled: 1,
        recalls: 1,
        called: 1,
        avgWaitMin: 28,
        p90WaitMin: 28, maxWaitMin: 28, noShowRate: 0.5,
        avgServiceMin: 10,
        serviceLevel: 0,
        ratings: { total: 1, satisfied: 0, satisfiedShare: 0 },
      }),
    );
  });

  it('by counter: the counter that last handled each ticket; never-called tickets in their own row', () => {
    const r = report(runDay(), 'counter');
    expect(r.rows.map((x) => [x.key, x.label, x.labelEn])).toEqual([
      ['66', 'Quầy số 66', 'Counter 66'],
      ['68', 'Quầy số 68', 'Counter 68'],
      ['86', 'Quầy số 86', 'Counter 86'],
      ['', 'Chưa gọi', 'Never called'],
    ]);
    expect(row(r, '66')).toEqual(figures({ issued: 1, walkIn: 1, served: 1, called: 1, avgWaitMin: 55, p90WaitMin: 55, maxWaitMin: 55, noShowRate: 0, avgServiceMin: 2, serviceLevel: 0, ratings: NO_RATINGS }));
    // 68: T4 (28, no-show) and T3 (25, finished here after the transfer): 53/2 = 26.5; rank ⌈1.8⌉ = 2 → 28.
    const counter68 = figures({
      issued: 2,
      walkIn: 1,
      online: 1,
      served: 1,
      noShow: 1,
      transferred: 1,
      recalls: 1,
      called: 2,
      avgWaitMin: 26.5,
      p90WaitMin: 28, maxWaitMin: 28, noShowRate: 0.5,
      avgServiceMin: 10,
      serviceLevel: 0,
      ratings: { total: 1, satisfied: 0, satisfiedShare: 0 },
    });
    expect(row(r, '68')).toEqual(counter68);
    const counter86 = figures({
      issued: 3,
      walkIn: 3,
      priority: 1,
      served: 2,
      expired: 1,
      called: 3,
      avgWaitMin: 23.2,
      p90WaitMin: 37, maxWaitMin: 37, noShowRate: 0,
      avgServiceMin: 15,
      withinTarget: 1,
      serviceLevel: 0.3333,
      ratings: { total: 2, satisfied: 2, satisfiedShare: 1 },
    });
    expect(row(r, '86')).toEqual(counter86);
    expect(row(r, '')).toEqual(figures({ issued: 2, walkIn: 2, expired: 1, cancelled: 1, avgWaitMin: null, p90WaitMin: null, maxWaitMin: null, noShowRate: null, avgServiceMin: null, serviceLevel: null, ratings: NO_RATINGS }));
    expect(r.charts.servedByCounter).toEqual([
      { counter: 66, label: 'Quầy số 66', labelEn: 'Counter 66', served: 1 },
      { counter: 68, label: 'Quầy số 68', labelEn: 'Counter 68', served: 1 },
      { counter: 86, label: 'Quầy số 86', labelEn: 'Counter 86', served: 2 },
    ]);
  });

  it('by clerk: lan = counter 86, minh = counter 66; the rest had no clerk signed in', () => {
    const r = report(runDay(), 'clerk');
    expect(r.rows.map((x) => [x.key, x.label])).toEqual([
      ['lan', 'lan'],
      ['minh', 'minh'],
      ['', 'Không có cán bộ đăng nhập'],
    ]);
    expect(row(r, 'lan')).toMatchObject({ issued: 3, served: 2, called: 3, avgWaitMin: 23.2, p90WaitMin: 37, avgServiceMin: 15, serviceLevel: 0.3333 });
    expect(row(r, 'minh')).toMatchObject({ issued: 1, served: 1, called: 1, avgWaitMin: 55, avgServiceMin: 2 });
    // 68's row plus the two never-called Visa tickets.
    expect(row(r, '')).toEqual(
      figures({
        issued: 4,
        walkIn: 3,
        online: 1,
        served: 1,
        noShow: 1,
        expired: 1,
        cancelled: 1,
        transferred: 1,
        recalls: 1,
        called: 2,
        avgWaitMin: 26.5,
        p90WaitMin: 28, maxWaitMin: 28, noShowRate: 0.5,
        avgServiceMin: 10,
        serviceLevel: 0,
        ratings: { total: 1, satisfied: 0, satisfiedShare: 0 },
      }),
    );
  });

  it('charts: arrivals per local hour of arrival (check-in for online), waits per hour', () => {
    const r = report(runDay(), 'service');
    const arrivals = Object.fromEntries(r.charts.arrivalsByHour.map((s) => [s.serviceId, s.counts.flatMap((c, h) => (c > 0 ? [[h, c]] : []))]));
    expect(arrivals).toEqual({
      [TU_PHAP]: [
        [8, 2],
        [16, 1],
      ],
      [XNC]: [[8, 2]],
      [VISA]: [[8, 3]],
    });
    // 08h: T1 36.5, T2 25, T3 25, T4 28, T5 55 = 169.5 / 5 = 33.9; 16h: T9 8.
    expect(r.charts.waitByHour.filter((h) => h.called > 0)).toEqual([
      { hour: 8, called: 5, avgWaitMin: 33.9 },
      { hour: 16, called: 1, avgWaitMin: 8 },
    ]);
    expect(r.charts.waitByHour[9]).toEqual({ hour: 9, called: 0, avgWaitMin: null });
  });

  it('the service level follows the requested target', () => {
    // ≤ 30 min: 8, 25, 25, 28 → 4/6; ≤ 25 min (exactly 25:00 counts): 8, 25, 25 → 3/6.
    const t = runDay();
    expect(report(t, 'service', { serviceLevelMin: 30 }).totals).toMatchObject({ withinTarget: 4, serviceLevel: 0.6667 });
    expect(report(t, 'service', { serviceLevelMin: 25 }).totals).toMatchObject({ withinTarget: 3, serviceLevel: 0.5 });
  });

  it('holds each citizen to the target of the service they came for, in every grouping', () => {
    const t = runDay();
    // Visa's own target is 30 min; the others keep the center's 15.
    const config = { ...t.core.config, areas: t.core.config.areas.map((a) => ({ ...a, services: a.services.map((s) => (s.id === VISA ? { ...s, targetWaitMin: 30 } : s)) })) };
    const engine = new ReportEngine(t.db, () => t.clock.now());
    const run = (groupBy: ReportGroupBy, live = false) => engine.report({ from: D, to: D, groupBy, serviceLevelMin: 15, config, ...(live ? { live: true } : {}) });
    const byService = run('service');
    expect(byService.targets).toEqual({ [TU_PHAP]: 15, [XNC]: 15, [VISA]: 30 });
    // Tư pháp 8 ≤ 15 (1/3); XNC 25, 55 > 15 (0/2); Visa T4 28 ≤ 30 (1/1): 2 of 6.
    expect(byService.totals).toMatchObject({ withinTarget: 2, serviceLevel: 0.3333 });
    expect(row(byService, VISA)).toMatchObject({ withinTarget: 1, serviceLevel: 1 });
    // Counter 68 called T4 (Visa, 28 ≤ 30) and T3 (issued for XNC, 25 > 15): 1 of 2.
    const byCounter = run('counter');
    expect(row(byCounter, '68')).toMatchObject({ withinTarget: 1, serviceLevel: 0.5 });
    expect(byCounter.totals).toMatchObject({ withinTarget: 2 });
    // The clerk rows split the same way, from the stored rollup as from the live day.
    expect(row(run('clerk'), '')).toMatchObject({ withinTarget: 1, serviceLevel: 0.5 });
    for (const groupBy of ['service', 'counter', 'clerk'] as const) expect(run(groupBy)).toEqual(run(groupBy, true));
    // A target named in the query holds every service to it (a what-if).
    const whatIf = engine.report({ from: D, to: D, groupBy: 'service', serviceLevelMin: 30, sameTargetForAll: true, config });
    expect(whatIf.targets).toEqual({ [TU_PHAP]: 30, [XNC]: 30, [VISA]: 30 });
    expect(whatIf.totals).toMatchObject({ withinTarget: 4 });
  });

  it('charts every day of a month-sized range: finished days from their rollups, today live', () => {
    const t = runDay();
    const r = report(t, 'service', { from: D, to: D1 });
    expect(r.charts.byDay).toEqual([
      { day: D, issued: 8, served: 4, called: 6, avgWaitMin: 29.6, serviceLevel: 0.1667 },
      { day: D1, issued: 1, served: 0, called: 0, avgWaitMin: null, serviceLevel: null },
    ]);
    // Longer than two months: no per-day points (the hourly charts still come).
    expect(report(t, 'service', { from: '2026-01-01', to: D1 }).charts.byDay).toEqual([]);
  });

  it('the stored rollup and the live aggregation give identical reports for the same day', () => {
    const t = runDay();
    for (const groupBy of ['service', 'counter', 'clerk'] as const) {
      const live = report(t, groupBy, { live: true });
      const fromRollup = report(t, groupBy);
      expect((t.db.prepare('SELECT COUNT(*) FROM report_days WHERE day = ?').pluck().get(D) as number)).toBe(1);
      expect(fromRollup).toEqual(live);
    }
  });

  it('today is live and a range spanning both days adds them up', () => {
    const t = runDay();
    const today = report(t, 'service', { from: D1, to: D1 });
    expect(today.includesToday).toBe(true);
    expect(today.totals).toMatchObject({ issued: 1, walkIn: 1, called: 0, avgWaitMin: null });
    expect(t.db.prepare('SELECT COUNT(*) FROM report_days WHERE day = ?').pluck().get(D1)).toBe(0); // never stored
    const both = report(t, 'service', { from: D, to: D1 });
    expect(both.totals).toMatchObject({ issued: 9, served: 4, expired: 2 });
  });

  it('days without tickets are stored as empty rollups and report zeros', () => {
    const t = runDay();
    const r = report(t, 'counter', { from: '2026-11-01', to: '2026-11-22' });
    expect(r.totals).toMatchObject({ issued: 0, called: 0, avgWaitMin: null, serviceLevel: null });
    expect(r.rows.map((x) => x.key)).toEqual(['66', '68', '86']); // configured counters, all zero
    expect(t.db.prepare("SELECT COUNT(*) FROM report_days WHERE day BETWEEN '2026-11-01' AND '2026-11-22'").pluck().get()).toBe(22);
  });
});
