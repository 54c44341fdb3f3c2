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

  it("holds each service to its own target wait, says the longest wait and the no-show rate, and charts the days", async () => {
    const { page, errors } = await openAdmin(env.browser, env.hub);
    // The administrator gives Tư pháp its own target on the services page.
    await goTo(page, 'services');
    await page.getByTestId('service-tu-phap').getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByTestId('service-form');
    await form.getByLabel('Chờ mục tiêu (phút)').fill('40');
    await form.getByTestId('service-save').click();
    await page.getByTestId('service-target-tu-phap').filter({ hasText: '40' }).waitFor();
    expect(env.hub.core.config.areas.flatMap((a) => a.services).find((s) => s.id === 'tu-phap')?.targetWaitMin).toBe(40);
    // A service without one shows the center's.
    await expect(page.locator('[data-testid^=service-target-]').filter({ hasText: 'theo trung tâm (15)' }).first().isVisible()).resolves.toBe(true);

    await goTo(page, 'reports');
    await page.getByTestId('preset-today').click();
    await page.getByTestId('report-run').click();
    await page.getByTestId('report-row-tu-phap').waitFor();
    const head = (await page.getByTestId('report-table').locator('thead').textContent()) ?? '';
    expect(head).toContain('Chờ trong thời gian mục tiêu (%)');
    expect(head).toContain('Chờ lâu nhất (phút)');
    expect(head).toContain('Tỷ lệ vắng mặt (%)');
    // The morning of the first test: 3 served and 1 no-show at Tư pháp → 25 %.
    const headers = await page.getByTestId('report-table').locator('thead th').allTextContents();
    const cells = await page.getByTestId('report-row-tu-phap').locator('td').allTextContents();
    expect(cells[headers.indexOf('Tỷ lệ vắng mặt (%)') - 1]).toBe('25');
    // Everyone was called within minutes: all of them inside Tư pháp's 40.
    expect(cells[headers.indexOf('Chờ trong thời gian mục tiêu (%)') - 1]).toBe('100');
    const summary = (await page.getByTestId('report-summary').textContent()) ?? '';
    expect(summary).toContain('công dân được gọi trong thời gian chờ mục tiêu của lĩnh vực mình đến làm.');
    expect(summary).toMatch(/Người chờ lâu nhất đợi \d+ phút\./);
    expect(summary).toContain('25% lượt gọi công dân không có mặt.');
    await page.getByTestId('report-help').locator('summary').click();
    expect(await page.getByTestId('report-targets').textContent()).toContain('Tư pháp 40 phút');

    // A week: one point per day in the month's charts.
    await page.getByTestId('preset-7days').click();
    await page.getByTestId('report-run').click();
    await page.getByTestId('chart-served-by-day').locator('svg').waitFor();
    await page.getByTestId('chart-level-by-day').locator('svg').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
