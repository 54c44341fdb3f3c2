import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { buildCallAnnouncement } from '@layso/shared';
import { CHROMIUM_PATH, startTestHub, type TestHub } from '@layso/hub/testing';
import { counterCommand, counterTile, issueTickets, openBoard, requireBuiltRenderer, waitForAnnouncements, WAIT_MS } from './support.js';

/**
 * A plain desktop browser blocks audio until someone clicks the page. The board
 * offers one "Bật âm thanh" button then, and still records every announcement.
 */
describe('board audio in a browser that blocks autoplay', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltRenderer();
    hub = await startTestHub();
    // Like a desktop Chrome: no autoplay until a user gesture (launchBrowser allows it).
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=document-user-activation-required'],
    });
    await issueTickets(hub, 'cong-an-xnc', 2);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('offers "Bật âm thanh" once, records calls while blocked, and hides the button after a click', async () => {
    const { page } = await openBoard(browser, hub, '?area=tang-3');
    const button = await page.waitForSelector('[data-testid=sound-unlock]', { timeout: WAIT_MS });
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
    const { page } = await openBoard(browser, hub, '?area=tang-3&mute=1');
    await counterCommand(hub, 86, 'recall');
    const said = await waitForAnnouncements(page, 1);
    expect(said[0]!.clips[0]).toBe('chime-recall');
    expect(await page.locator('[data-testid=sound-unlock]').count()).toBe(0);
  });
});
