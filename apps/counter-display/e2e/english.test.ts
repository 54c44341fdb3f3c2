import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHub } from '@layso/hub/testing';
import { closeHubAndBrowser, counterCommand, counterTile, issueTickets, openBoard, openConsole, startHubAndBrowser } from './support.js';

/** English as the second language: `lang=en` on the board, the toggle on the console. */
describe('English screens', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
    await issueTickets(hub, 'cong-an-xnc', 1);
  });

  afterAll(() => closeHubAndBrowser(hub, browser));

  it('shows the board in English with lang=en, in Vietnamese without it', async () => {
    const english = await openBoard(browser, hub, '?area=tang-3&lang=en&mute=1');
    const vietnamese = await openBoard(browser, hub, '?area=tang-3&mute=1');
    expect(await english.page.textContent('.board-title')).toBe('NOW CALLING');
    expect(await english.page.getAttribute('html', 'lang')).toBe('en');
    expect(await vietnamese.page.textContent('.board-title')).toBe('MỜI CÔNG DÂN ĐẾN QUẦY');

    await counterCommand(hub, 86, 'next');
    await counterTile(english.page, 86, '86001');
    expect(await english.page.textContent('[data-testid=board-counter-86]')).toContain('Counter');
    expect(english.errors).toEqual([]);
  });

  it('switches the console to English and remembers it after a reload', async () => {
    const { page, errors } = await openConsole(browser, hub, 87);
    expect(await page.textContent('[data-testid=action-next]')).toContain('Gọi số tiếp');
    await page.click('[data-testid=language-toggle]');
    await page.waitForSelector('[data-testid=action-next]:has-text("Call next")');
    expect(await page.textContent('[data-testid=action-done]')).toContain('Done');
    await page.reload();
    await page.waitForSelector('[data-testid=action-next]:has-text("Call next")');
    await page.click('[data-testid=language-toggle]');
    await page.waitForSelector('[data-testid=action-next]:has-text("Gọi số tiếp")');
    expect(errors).toEqual([]);
  });
});
