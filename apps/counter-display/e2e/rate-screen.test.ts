import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { reportResponseSchema } from '@layso/shared';
import { launchBrowser, openPage, startTestHub, type TestHub } from '@layso/hub/testing';
import { counterCommand, issueTickets, requireBuiltRenderer, WAIT_MS } from './support.js';

const SCREENSHOT = fileURLToPath(new URL('../../../docs/screenshots/rate-1024x600.png', import.meta.url));

async function summary(hub: TestHub): Promise<{ total: number; byCounter: { key: string; counts: Record<string, number> }[] }> {
  const response = await fetch(`${hub.url}/api/ratings/summary?counter=86`, { headers: { Authorization: `Bearer ${hub.token('admin')}` } });
  return (await response.json()) as { total: number; byCounter: { key: string; counts: Record<string, number> }[] };
}

/** The small screen facing the citizen at counter 86 asks for a rating after "Hoàn thành". */
describe('rating screen /rate?counter=86', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    requireBuiltRenderer();
    hub = await startTestHub();
    browser = await launchBrowser();
    await issueTickets(hub, 'cong-an-xnc', 3);
    ({ page, errors } = await openPage(browser, `${hub.url}/rate?counter=86#token=${encodeURIComponent(hub.token('display'))}`, { width: 1024, height: 600 }));
    page.setDefaultTimeout(WAIT_MS);
    await page.waitForSelector('[data-testid=rate][data-screen=idle]');
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('asks after "Hoàn thành", stores the answer, shows thanks; the summary counts it', async () => {
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 86, 'done');
    await page.waitForSelector('[data-testid=rate][data-screen=ask]');
    expect(await page.textContent('.rate-question')).toBe('Ông/bà có hài lòng với sự phục vụ?');
    expect(await page.textContent('.rate-ticket')).toContain('86001');
    await page.screenshot({ path: SCREENSHOT });
    await page.click('[data-testid=rate-very-satisfied]');
    await page.waitForSelector('[data-testid=rate][data-screen=thanks]');
    await expect.poll(async () => (await summary(hub)).total, { timeout: WAIT_MS }).toBe(1);
    expect((await summary(hub)).byCounter[0]!.counts['very-satisfied']).toBe(1);
  });

  it('"Không hài lòng" offers reasons; "next" (which completes the ticket) also asks', async () => {
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 86, 'next');
    await page.waitForSelector('[data-testid=rate][data-screen=ask] .rate-ticket:has-text("86002")');
    await page.click('[data-testid=rate-unsatisfied]');
    await page.waitForSelector('[data-testid=rate][data-screen=reason]');
    await page.click('[data-testid=reason-waited-too-long]');
    await page.waitForSelector('[data-testid=rate][data-screen=thanks]');
    await expect.poll(async () => (await summary(hub)).total, { timeout: WAIT_MS }).toBe(2);
    expect((await summary(hub)).byCounter[0]!.counts.unsatisfied).toBe(1);

    // The admin's report for today, by counter, carries both ratings: one satisfied of two.
    const day = (await (await fetch(`${hub.url}/api/catalog`)).json()) as { day: string };
    const response = await fetch(`${hub.url}/api/admin/reports?from=${day.day}&to=${day.day}&groupBy=counter`, {
      headers: { Authorization: `Bearer ${hub.token('admin')}` },
    });
    const report = reportResponseSchema.parse(await response.json());
    expect(report.rows.find((row) => row.key === '86')?.ratings).toEqual({ total: 2, satisfied: 1, satisfiedShare: 0.5 });
  });

  it('does not ask after a no-show', async () => {
    // Record every question the screen shows from now on.
    await page.evaluate(() => {
      const asked: string[] = ((window as unknown as { __asked: string[] }).__asked = []);
      new MutationObserver(() => {
        const text = document.querySelector('.rate-ticket')?.textContent;
        if (text && asked.at(-1) !== text) asked.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await counterCommand(hub, 86, 'skip');
    await issueTickets(hub, 'cong-an-xnc', 1);
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 86, 'done');
    await page.waitForSelector('[data-testid=rate][data-screen=ask] .rate-ticket:has-text("86004")');
    expect(await page.evaluate(() => (window as unknown as { __asked: string[] }).__asked)).toEqual(['Số thứ tự 86004']);
    expect(errors).toEqual([]);
  });

  it('goes back to idle when nobody answers within 30 s', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 600 }, locale: 'vi-VN' });
    const quiet = await context.newPage();
    quiet.setDefaultTimeout(WAIT_MS);
    // The page's own timers run on a clock the test can move: no waiting 30 s for real.
    await quiet.clock.install();
    await quiet.goto(`${hub.url}/rate?counter=86#token=${encodeURIComponent(hub.token('display'))}`);
    await quiet.waitForSelector('[data-testid=rate][data-screen]');
    await issueTickets(hub, 'cong-an-xnc', 1);
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 86, 'done');
    await quiet.waitForSelector('[data-testid=rate][data-screen=ask] .rate-ticket:has-text("86005")');
    await quiet.clock.fastForward(31_000);
    await quiet.waitForSelector('[data-testid=rate][data-screen=idle]');
    await context.close();
  });
});
