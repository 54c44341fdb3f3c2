import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportResponseSchema, type ReportResponse } from '@layso/shared';
import { csvField, toCsv } from './csv.js';
import { emptySums, finishFigures } from './figures.js';
import { exportFileName, reportTable } from './report-table.js';
import { columnName, toXlsx } from './xlsx.js';
import { readZipEntry } from '../testing/read-zip-entry.js';
import { crc32 } from './zip.js';

function fixture(): ReportResponse {
  const sums = { ...emptySums(), issued: 12, walkIn: 10, online: 2, served: 9, called: 10, waitMs: 10 * 7.5 * 60_000, serviceMs: 9 * 4 * 60_000, ratings: 4, satisfied: 3 };
  const histogram = new Map([
    [5, 6],
    [12, 3],
    [20, 1],
  ]);
  const figures = finishFigures(sums, histogram, new Map([['xnc', histogram]]), () => 15);
  return reportResponseSchema.parse({
    from: '2026-11-01',
    to: '2026-11-30',
    groupBy: 'service',
    serviceLevelMin: 15,
    targets: { xnc: 15, 'tu-phap': 15 },
    timeZone: 'Asia/Ho_Chi_Minh',
    today: '2026-11-22',
    includesToday: true,
    generatedAt: '2026-11-22T04:00:00.000Z',
    totals: figures,
    rows: [
      { key: 'xnc', label: 'Công an tỉnh (XNC), "Visa"', labelEn: 'Provincial police (XNC), "Visa"', ...figures },
      { key: 'tu-phap', label: 'Tư pháp\nhộ tịch', labelEn: 'Justice', ...finishFigures(emptySums(), new Map(), new Map(), () => 15) },
    ],
    charts: { arrivalsByHour: [], waitByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, called: 0, avgWaitMin: null })), servedByCounter: [], byDay: [] },
  });
}

describe('report exports', () => {
  it('figures of the fixture are what the export shows', () => {
    // 10 called: 6 × ≤5 min, 3 × 12, 1 × 20 → within 15: 9 → 90 %; rank 9 → p90 12 min.
    expect(fixture().totals).toMatchObject({ avgWaitMin: 7.5, p90WaitMin: 12, maxWaitMin: 20, avgServiceMin: 4, withinTarget: 9, serviceLevel: 0.9, noShowRate: 0, ratings: { satisfiedShare: 0.75 } });
  });

  it('names the service-level column by the target when every service has the same one, else "within target"', () => {
    const mixed = { ...fixture(), targets: { xnc: 30, 'tu-phap': 15 } };
    expect(reportTable(mixed, 'vi').headers).toContain('Chờ trong thời gian mục tiêu (%)');
    expect(reportTable(mixed, 'en').headers).toContain('Waited within target (%)');
    expect(reportTable({ ...fixture(), targets: { xnc: 20, 'tu-phap': 20 } }, 'vi').headers).toContain('Chờ ≤ 20 phút (%)');
  });

  it('CSV: UTF-8 with BOM, RFC 4180 quoting, Vietnamese headers, dd/MM/yyyy dates, a totals row', () => {
    const bytes = toCsv(reportTable(fixture(), 'vi'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Lĩnh vực,Từ ngày,Đến ngày,Số đã cấp,Trực tiếp,Trực tuyến,Ưu tiên,Hoàn thành,Vắng mặt,Hết hạn,Đã hủy,Chuyển lĩnh vực,Gọi lại,Đã gọi,' +
        'Thời gian chờ trung bình (phút),Thời gian chờ P90 (phút),Chờ lâu nhất (phút),Thời gian phục vụ trung bình (phút),Chờ ≤ 15 phút (%),Tỷ lệ vắng mặt (%),Số lượt đánh giá,Hài lòng (%)',
    );
    expect(lines[1]).toBe('"Công an tỉnh (XNC), ""Visa""",01/11/2026,30/11/2026,12,10,2,0,9,0,0,0,0,0,10,7.5,12,20,4,90,0,4,75');
    // A line break inside a field stays inside the quotes (records end with CRLF).
    expect(lines[2]).toBe('"Tư pháp\nhộ tịch",01/11/2026,30/11/2026,0,0,0,0,0,0,0,0,0,0,0,,,,,,,0,');
    expect(lines[3]).toMatch(/^Tổng cộng,01\/11\/2026,30\/11\/2026,12,/);
    expect(lines[4]).toBe('');
  });

  it('CSV in English with lang=en', () => {
    const text = toCsv(reportTable(fixture(), 'en')).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFService,From,To,Issued,Walk-in,Online,Priority,Served,No-show,/);
    expect(text).toContain('Total,01/11/2026');
    expect(exportFileName(fixture(), 'en', 'csv')).toBe('report-service-2026-11-01-2026-11-30.csv');
    expect(exportFileName(fixture(), 'vi', 'xlsx')).toBe('bao-cao-service-2026-11-01-2026-11-30.xlsx');
  });

  it('csvField leaves plain text alone and quotes what needs it', () => {
    expect(csvField('Quầy số 86')).toBe('Quầy số 86');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });

  it('csvField escapes text that starts like a formula (OWASP): a leading single quote, the field quoted', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe(`"'=cmd|' /C calc'!A0"`);
    expect(csvField('+1+1')).toBe(`"'+1+1"`);
    expect(csvField('-x')).toBe(`"'-x"`);
    expect(csvField('@SUM(1,2)')).toBe(`"'@SUM(1,2)"`);
    expect(csvField('\t=1+1')).toBe(`"'\t=1+1"`);
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // Only the first character counts; numbers (negative ones too) stay numbers.
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(-0.5)).toBe('-0.5');
  });

  it('XLSX writes formula-looking text as inline strings and negative numbers as numbers', async () => {
    const table = reportTable(fixture(), 'vi');
    table.rows[0]![0] = '=1+1';
    table.rows[0]![3] = -4;
    const bytes = toXlsx(table);
    const sheet = readZipEntry(bytes, 'xl/worksheets/sheet1.xml').toString('utf8');
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(sheet).toContain('<c r="D2"><v>-4</v></c>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A2').value).toBe('=1+1');
    expect(workbook.worksheets[0]!.getCell('D2').value).toBe(-4);
  });

  it('XLSX reads back in ExcelJS: header row, numbers as numbers, Vietnamese text, widths, bold header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toXlsx(reportTable(fixture(), 'vi')) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Báo cáo 01-11-2026–30-11-2026');
    expect(sheet.getCell('A1').value).toBe('Lĩnh vực');
    expect(sheet.getCell('V1').value).toBe('Hài lòng (%)');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Công an tỉnh (XNC), "Visa"');
    expect(sheet.getCell('B2').value).toBe('01/11/2026');
    expect(sheet.getCell('D2').value).toBe(12);
    expect(typeof sheet.getCell('O2').value).toBe('number');
    expect(sheet.getCell('O2').value).toBe(7.5);
    expect(sheet.getCell('S2').value).toBe(90);
    expect(sheet.getCell('A3').value).toBe('Tư pháp\nhộ tịch');
    expect(sheet.getCell('O3').value).toBeNull(); // no wait to average: an empty cell
    expect(sheet.getCell('A4').value).toBe('Tổng cộng');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getColumn(1).width).toBe(28);
    expect(sheet.getColumn(15).width).toBe(18);
  });

  it('column names and CRC-32 match their references', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    // The standard check value of CRC-32/ISO-HDLC.
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});
