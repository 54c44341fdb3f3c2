import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportResponseSchema } from '@layso/shared';
import { openDatabase } from '../store/open-database.js';
import { FakeClock, MONDAY_MORNING } from '../testing/fake-clock.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { testCenter, TU_PHAP } from '../testing/test-center.js';
import { addDays } from './calendar-days.js';
import { YearSeeder } from './seed/year-seeder.js';

const TODAY = '2026-11-23'; // MONDAY_MORNING's service day

describe('GET /api/admin/reports over HTTP (report worker, real SQLite file)', () => {
  let t: TestHub;
  let clock: FakeClock;

  beforeAll(async () => {
    clock = new FakeClock(MONDAY_MORNING);
    t = await startTestHub({ clock, config: testCenter() });
    expect((await t.issue(TU_PHAP)).status).toBe(201);
    expect((await t.issue(TU_PHAP, { priority: 'nguoi-cao-tuoi' })).status).toBe(201);
    clock.advance({ minutes: 12 });
    expect((await t.counterCommand(86, 'next')).status).toBe(200); // the priority ticket, waited 12 min
  });
  afterAll(async () => {
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  const get = (query: string, token = t.tokens.admin) => t.request('GET', `/api/admin/reports${query}`, { token });

  it("today's report is live and matches the contract", async () => {
    const response = await get(`?from=${TODAY}&to=${TODAY}&groupBy=counter`);
    expect(response.status, response.text).toBe(200);
    const report = reportResponseSchema.parse(response.body);
    expect(report).toMatchObject({ today: TODAY, includesToday: true, groupBy: 'counter', serviceLevelMin: 15 });
    expect(report.totals).toMatchObject({ issued: 2, walkIn: 2, priority: 1, called: 1, avgWaitMin: 12, p90WaitMin: 12, withinTarget: 1, serviceLevel: 1 });
    expect(report.rows.find((r) => r.key === '86')).toMatchObject({ label: 'Quầy số 86', issued: 1, called: 1 });
    expect(report.rows.find((r) => r.key === '')).toMatchObject({ label: 'Chưa gọi', issued: 1, called: 0 });
  });

  it('serviceLevelMin overrides the configured target', async () => {
    const report = reportResponseSchema.parse((await get(`?from=${TODAY}&to=${TODAY}&serviceLevelMin=10`)).body);
    expect(report.serviceLevelMin).toBe(10);
    expect(report.totals).toMatchObject({ withinTarget: 0, serviceLevel: 0 });
  });

  it.each([
    ['no query', ''],
    ['from missing', `?to=${TODAY}`],
    ['not a date', `?from=23/11/2026&to=${TODAY}`],
    ['month 13', `?from=2026-13-01&to=2026-13-02`],
    ['to before from', `?from=${TODAY}&to=2026-11-01`],
    ['more than 366 days', `?from=2025-01-01&to=${TODAY}`],
    ['unknown groupBy', `?from=${TODAY}&to=${TODAY}&groupBy=area`],
    ['serviceLevelMin 0', `?from=${TODAY}&to=${TODAY}&serviceLevelMin=0`],
    ['serviceLevelMin not a number', `?from=${TODAY}&to=${TODAY}&serviceLevelMin=abc`],
    ['serviceLevelMin too large', `?from=${TODAY}&to=${TODAY}&serviceLevelMin=999`],
    ['unknown parameter', `?from=${TODAY}&to=${TODAY}&counter=86`],
    ['export without format', `/export?from=${TODAY}&to=${TODAY}`],
    ['export as pdf', `/export?from=${TODAY}&to=${TODAY}&format=pdf`],
    ['export in French', `/export?from=${TODAY}&to=${TODAY}&format=csv&lang=fr`],
  ])('%s → 400 VALIDATION', async (_label, query) => {
    expectError(await get(query), 400, 'VALIDATION');
  });

  it('refuses without a token (401) and with non-admin tokens (403)', async () => {
    for (const path of [`?from=${TODAY}&to=${TODAY}`, `/export?from=${TODAY}&to=${TODAY}&format=csv`]) {
      expectError(await t.request('GET', `/api/admin/reports${path}`), 401, 'UNAUTHENTICATED');
      for (const token of [t.tokens.kiosk, t.tokens.display, t.tokens.portal, t.tokens.counter[86]!]) {
        expectError(await get(path, token), 403, 'FORBIDDEN');
      }
    }
  });

  it('exports CSV with a BOM as an attachment', async () => {
    const response = await fetch(`${t.url}/api/admin/reports/export?from=${TODAY}&to=${TODAY}&format=csv`, { headers: { authorization: `Bearer ${t.tokens.admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`bao-cao-service-${TODAY}-${TODAY}.csv`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Lĩnh vực,Từ ngày,Đến ngày,Số đã cấp,/);
    expect(lines[1]).toMatch(/^Tư pháp,23\/11\/2026,23\/11\/2026,2,2,0,1,/);
  });

  it('exports XLSX that ExcelJS reads back, in English with lang=en', async () => {
    const response = await fetch(`${t.url}/api/admin/reports/export?from=${TODAY}&to=${TODAY}&format=xlsx&lang=en&groupBy=counter`, {
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Counter', 'From', 'To', 'Issued']));
    const counter86 = sheet.getColumn(1).values.indexOf('Counter 86');
    expect(counter86).toBeGreaterThan(1);
    expect(sheet.getCell(counter86, 4).value).toBe(1);
  });
});

describe('the report worker keeps the hub responsive', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ clock: new FakeClock(MONDAY_MORNING), config: testCenter() });
    // 40 finished days of history (no rollups yet) written beside the running hub.
    const db = openDatabase(`${t.dataDir}/layso.db`);
    const seeder = new YearSeeder(db, 3);
    for (let d = 40; d >= 1; d--) seeder.seedDay(addDays(TODAY, -d), { asWeekday: true, scale: 0.12 });
    db.close();
  }, 120_000);
  afterAll(async () => {
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  it('a ticket is issued while a cold 40-day report is being built', async () => {
    const probe = openDatabase(`${t.dataDir}/layso.db`);
    const builtDays = () => probe.prepare('SELECT COUNT(*) FROM report_days').pluck().get() as number;
    try {
      const order: string[] = [];
      const reportDone = get(t, `?from=${addDays(TODAY, -40)}&to=${addDays(TODAY, -1)}`).then((r) => {
        order.push('report');
        return r;
      });
      // Wait until the worker has started building rollups (or the report ended, which fails below), then issue.
      while (builtDays() === 0 && order.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const issued = await t.issue(TU_PHAP);
      order.push('issue');
      const builtWhenIssued = builtDays();
      const report = await reportDone;
      expect(issued.status).toBe(201);
      expect(report.status, report.text).toBe(200);
      // The issue was answered while the report was still building (not after it).
      expect(order).toEqual(['issue', 'report']);
      expect(builtWhenIssued).toBeLessThan(40);
      expect(builtDays()).toBe(40);
      expect(reportResponseSchema.parse(report.body).totals.issued).toBeGreaterThan(1000);
    } finally {
      probe.close();
    }
  }, 120_000);
});

function get(t: TestHub, query: string) {
  return t.request('GET', `/api/admin/reports${query}`, { token: t.tokens.admin, timeoutMs: 110_000 });
}

describe('rollups after the day rollover', () => {
  it("builds the finished day's rollup in the worker once the day changes", async () => {
    const clock = new FakeClock(MONDAY_MORNING);
    const t = await startTestHub({ clock, config: testCenter() });
    try {
      expect((await t.issue(TU_PHAP)).status).toBe(201);
      expect((await t.issue(TU_PHAP)).status).toBe(201);
      clock.set(MONDAY_MORNING + 86_400_000); // Tuesday 08:00: the next command rolls the day over
      expect((await t.issue(TU_PHAP)).status).toBe(201);
      const probe = openDatabase(`${t.dataDir}/layso.db`);
      try {
        const stored = () => probe.prepare('SELECT tickets FROM report_days WHERE day = ?').pluck().get(TODAY) as number | undefined;
        for (let i = 0; i < 1000 && stored() === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(stored()).toBe(2);
        // Days before the hub's history are stored empty; the new day is not stored (it is live).
        expect(probe.prepare('SELECT COUNT(*) FROM report_days').pluck().get()).toBe(7);
        expect(probe.prepare('SELECT COUNT(*) FROM report_days WHERE day = ?').pluck().get(addDays(TODAY, 1))).toBe(0);
      } finally {
        probe.close();
      }
      expect(t.logs).toEqual([]);
    } finally {
      await t.stop();
    }
  }, 60_000);
});
