import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startTestHub, type TestHub } from '@layso/hub/testing';
import { counterCommand, issueTickets, requireBuiltRenderer, WAIT_MS } from './support.js';

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
  });

  it('does not ask after a no-show', async () => {
    await counterCommand(hub, 86, 'skip');
    // The skip reached the screen (the counter went idle) and no question came.
    await page.waitForSelector('[data-testid=rate]:not([data-screen=ask])');
    await page.waitForSelector('[data-testid=rate][data-screen=idle]', { timeout: 10_000 });
    expect(await page.locator('[data-testid=rate][data-screen=ask]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
