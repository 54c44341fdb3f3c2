import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../store/open-database.js';
import { closeAfterTest, makeTempDir } from '../../testing/temp-store.js';
import { vnTime } from '../../testing/fake-clock.js';
import { ReportEngine } from '../report-engine.js';
import { yearCenter } from './seed-center.js';
import { seedYear } from './seed-year.js';

describe('seed-year', () => {
  // Tuesday 2026-11-24 noon: the history is Sat 21, Sun 22, Mon 23.
  const now = () => vnTime('2026-11-24 12:00');

  it('seeds realistic finished days with their rollups, and refuses a folder that has a database', () => {
    const dataDir = makeTempDir();
    const result = seedYear({ dataDir, days: 3, seed: 7, now });
    expect(result).toMatchObject({ firstDay: '2026-11-21', lastDay: '2026-11-23' });
    const db = closeAfterTest(openDatabase(join(dataDir, DATABASE_FILE)));
    const perDay = Object.fromEntries(
      (db.prepare('SELECT day, COUNT(*) AS n FROM tickets GROUP BY day').all() as { day: string; n: number }[]).map((r) => [r.day, r.n]),
    );
    // Sunday closed; Saturday (morning only) is about half a weekday; 20 services × ~866.
    expect(perDay['2026-11-22']).toBeUndefined();
    expect(perDay['2026-11-23']).toBeGreaterThan(14_000);
    expect(perDay['2026-11-23']).toBeLessThan(20_000);
    expect(perDay['2026-11-21']! / perDay['2026-11-23']!).toBeGreaterThan(0.4);
    expect(perDay['2026-11-21']! / perDay['2026-11-23']!).toBeLessThan(0.7);
    expect(result.tickets).toBe(Object.values(perDay).reduce((a, b) => a + b, 0));
    // Nothing left open, sequences within 001–999.
    expect(db.prepare("SELECT COUNT(*) FROM tickets WHERE status IN ('booked', 'waiting', 'called')").pluck().get()).toBe(0);
    expect(db.prepare('SELECT MAX(last_seq) FROM sequences').pluck().get()).toBeLessThanOrEqual(999);
    // Every finished day has its rollup; the report reads them.
    expect(db.prepare('SELECT COUNT(*) FROM report_days').pluck().get()).toBe(3);
    const report = new ReportEngine(db, now).report({ from: '2026-11-23', to: '2026-11-23', groupBy: 'clerk', serviceLevelMin: 15, config: yearCenter() });
    expect(report.totals.issued).toBe(perDay['2026-11-23']);
    const { totals } = report;
    for (const share of [totals.online / totals.issued, totals.priority / totals.issued, totals.noShow / totals.issued, totals.transferred / totals.issued]) {
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.2);
    }
    expect(totals.ratings.total).toBeGreaterThan(0);
    expect(report.rows.map((r) => r.key)).toContain('cb10a');
    expect(report.rows.map((r) => r.key)).toContain('cb10b');
    // Morning peak above the afternoon, no arrivals over lunch or outside hours.
    const arrivals = Array.from({ length: 24 }, (_, h) => report.charts.arrivalsByHour.reduce((sum, s) => sum + s.counts[h]!, 0));
    expect(arrivals[8]!).toBeGreaterThan(arrivals[14]!);
    expect(arrivals[14]!).toBeGreaterThan(arrivals[16]!);
    expect(arrivals[12]).toBe(0);
    expect(arrivals[6]).toBe(0);
    expect(arrivals[18]).toBe(0);

    expect(() => seedYear({ dataDir, days: 1, now })).toThrow(/already exists/);
  }, 120_000);
});
