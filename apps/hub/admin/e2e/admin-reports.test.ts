import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { counterAction, goTo, issueTicket, openAdmin, useAdminE2e } from './support.js';

const env = useAdminE2e();

/** Counter 60 serves "Tư pháp" in the demo center. */
async function aMorningAtTuPhap(): Promise<void> {
  for (let i = 0; i < 3; i++) await issueTicket(env.hub, 'tu-phap');
  await counterAction(env.hub, 60, 'next');
  await counterAction(env.hub, 60, 'done');
  await counterAction(env.hub, 60, 'next');
  await counterAction(env.hub, 60, 'skip');
  await counterAction(env.hub, 60, 'next');
  await counterAction(env.hub, 60, 'done');
}

describe('admin console: reports', () => {
  it("shows today's figures live, runs a report and downloads it as CSV", async () => {
    const { page, errors } = await openAdmin(env.browser, env.hub);
    await page.getByTestId('today-service-tu-phap').waitFor();
    await issueTicket(env.hub, 'tu-phap');
    // The dashboard follows the queue live.
    await page.locator('[data-testid=today-service-tu-phap] [data-testid=waiting]').filter({ hasText: '1' }).waitFor();
    await counterAction(env.hub, 60, 'next');
    await counterAction(env.hub, 60, 'done');
    await aMorningAtTuPhap();
    // …and its tiles and charts refetch today's report after the burst of events.
    await page.getByTestId('tile-issued').filter({ hasText: '4' }).waitFor();
    await page.getByTestId('chart-served').locator('svg').waitFor();

    await goTo(page, 'reports');
    await page.getByTestId('preset-today').click();
    await page.getByTestId('report-run').click();
    const row = page.getByTestId('report-row-tu-phap');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    // issued, walk-in, online, priority, served, no-show
    expect(cells.slice(0, 6)).toEqual(['4', '4', '0', '0', '3', '1']);
    await expect(page.getByTestId('report-totals').locator('td').first().textContent()).resolves.toBe('4');
    // The figures in words, no jargon: "90% công dân chờ dưới … phút", and what each column means.
    const summary = (await page.getByTestId('report-summary').textContent()) ?? '';
    expect(summary).toContain('Đã cấp 4 số, phục vụ xong 3 lượt, 1 lượt vắng mặt khi được gọi.');
    expect(summary).toMatch(/90% công dân chờ dưới \d+(,\d)? phút\./);
    const head = (await page.getByTestId('report-table').locator('thead').textContent()) ?? '';
    expect(head).toContain('90% công dân chờ dưới (phút)');
    expect(head).not.toContain('P90');
    await page.getByTestId('report-help').locator('summary').click();
    await expect(page.getByTestId('report-help').textContent()).resolves.toContain('Cứ 10 công dân thì 9 người chờ ít hơn số phút này');
    // Minutes are written the Vietnamese way: never a decimal point.
    for (const cell of await page.getByTestId('report-totals').locator('td').allTextContents()) expect(cell).not.toMatch(/\d\.\d/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header[0]).toBe('Lĩnh vực');
    expect(header).toContain('Số đã cấp');
    const tuPhap = lines.find((l) => l.startsWith('Tư pháp,'))!.split(',');
    expect(tuPhap[header.indexOf('Số đã cấp')]).toBe('4');
    expect(tuPhap[header.indexOf('Hoàn thành')]).toBe('3');
    expect(tuPhap[header.indexOf('Vắng mặt')]).toBe('1');
    expect(lines.at(-1)!.startsWith('Tổng cộng,')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
