import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildCallAnnouncement } from '@layso/shared';
import type { TestHub } from '@layso/hub/testing';
import {
  closeHubAndBrowser,
  counterCommand,
  counterTile,
  emulateAutoplayBlocking,
  issueTickets,
  startHubAndBrowser,
  VIEWPORTS,
  waitForAnnouncements,
  WAIT_MS,
} from './support.js';

/**
 * A plain desktop browser blocks audio until someone clicks the page. The board
 * offers one "Bật âm thanh" button then, and still records every announcement.
 */
describe('board audio in a browser that blocks autoplay', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
    await issueTickets(hub, 'cong-an-xnc', 2);
    await issueTickets(hub, 'visa', 1);
  });

  afterAll(() => closeHubAndBrowser(hub, browser));

  async function blockedBoard(query: string) {
    const context = await browser.newContext({ viewport: VIEWPORTS.board });
    await emulateAutoplayBlocking(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${hub.url}/board${query}#token=${encodeURIComponent(hub.token('display'))}`);
    await page.waitForSelector('[data-testid=board]');
    return page;
  }

  it('offers "Bật âm thanh" once, records calls while blocked, and hides the button after a click', async () => {
    const page = await blockedBoard('?area=tang-3');
    const button = await page.waitForSelector('[data-testid=sound-unlock]');
    expect(await button.textContent()).toBe('Bật âm thanh');

    await counterCommand(hub, 86, 'next');
    await counterTile(page, 86, '86001');
    const [blocked] = await waitForAnnouncements(page, 1);
    expect(blocked!.clips).toEqual(buildCallAnnouncement({ number: '86001', counter: 86 }));

    await button.click();
    await page.waitForSelector('[data-testid=sound-unlock]', { state: 'detached' });
    await counterCommand(hub, 86, 'next');
    const said = await waitForAnnouncements(page, 2);
    expect(said[1]!.clips).toEqual(buildCallAnnouncement({ number: '86002', counter: 86 }));
  });

  it('a muted board needs no button and still records', async () => {
    const page = await blockedBoard('?area=tang-3&mute=1');
    await counterCommand(hub, 87, 'next');
    const said = await waitForAnnouncements(page, 1);
    expect(said[0]!.clips).toEqual(buildCallAnnouncement({ number: '87001', counter: 87 }));
    expect(await page.locator('[data-testid=sound-unlock]').count()).toBe(0);
  });
});
