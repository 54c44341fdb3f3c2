import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { QueueCore } from '../queue/queue-core.js';
import { issueNumbers } from '../testing/queue-helpers.js';
import { VISA, XNC } from '../testing/test-center.js';
import { openTempStore } from '../testing/temp-store.js';
import { RollupWaitHistory } from './wait-history.js';

/** One report_facts row: `served` tickets of `serviceId` at `counter` taking `minutes` each. */
function fact(db: Database.Database, day: string, serviceId: string, counter: number, served: number, minutes: number): void {
  db.prepare(
    `INSERT INTO report_facts (day, service_id, counter, clerk, issued, walk_in, online, priority, served, no_show, expired, cancelled, transferred, recalls, called, wait_ms, service_ms, ratings, satisfied)
     VALUES (?, ?, ?, '', ?, ?, 0, 0, ?, 0, 0, 0, 0, 0, ?, 0, ?, 0, 0)`,
  ).run(day, serviceId, counter, served, served, served, served, served * minutes * 60_000);
}

describe('RollupWaitHistory: the estimator’s start of day from the report rollups', () => {
  it('sums the same weekday of the past four weeks, per service and counter, and nothing else', () => {
    const { db } = openTempStore();
    // 2026-11-23 is a Monday: the Mondays before it count, other days and older weeks do not.
    fact(db, '2026-11-16', XNC, 66, 10, 12);
    fact(db, '2026-11-09', XNC, 66, 10, 8);
    fact(db, '2026-10-26', XNC, 86, 5, 6);
    fact(db, '2026-10-19', XNC, 66, 100, 60); // five weeks back
    fact(db, '2026-11-17', XNC, 66, 100, 60); // a Tuesday
    fact(db, '2026-11-16', XNC, 0, 7, 0); // never called: no counter
    const rows = new RollupWaitHistory(db).sameWeekday('2026-11-23');
    expect(rows.sort((a, b) => a.counter - b.counter)).toEqual([
      { serviceId: XNC, counter: 66, finished: 20, busyMs: 20 * 10 * 60_000 },
      { serviceId: XNC, counter: 86, finished: 5, busyMs: 5 * 6 * 60_000 },
    ]);
  });

  it('gives the hub’s first estimate of the day the history’s service time instead of the default', () => {
    const temp = openTempStore();
    fact(temp.db, '2026-11-16', VISA, 68, 20, 9);
    const core = new QueueCore(temp.store, temp.clock, undefined, { waitHistory: new RollupWaitHistory(temp.db) });
    issueNumbers(core, VISA, 2);
    // Counter 68 alone: the new ticket waits for two citizens of 9 minutes (the default would say 10).
    expect(core.views.serviceStatus(VISA).estWaitMin).toBe(18);
    expect(temp.core.views.serviceStatus(VISA).estWaitMin).toBe(10);
  });
});
