import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, openPageWithShellCsp, type TestHub } from '@layso/hub/testing';
import { closeHubAndBrowser, issueTickets, startHubAndBrowser, VIEWPORTS, WAIT_MS } from './support.js';

/**
 * The shells add their own Content-Security-Policy to every hub page (hub-csp.ts).
 * Every screen must still work under it: no violation, sockets up, a call reaching
 * console, door and board.
 */
describe('counter display pages under the shells\' own CSP', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
    await issueTickets(hub, 'cong-an-xnc', 2);
  });
  afterAll(() => closeHubAndBrowser(hub, browser));

  it('console, door and board work with no violation', async () => {
    const console86 = await openPageWithShellCsp(browser, `${hub.url}/counter#token=${encodeURIComponent(hub.token('counter', 86))}`, VIEWPORTS.console);
    console86.page.setDefaultTimeout(WAIT_MS);
    await console86.page.fill('input[name=clerk]', 'Nguyễn Văn An');
    await console86.page.click('[data-testid=sign-in] button[type=submit]');
    await console86.page.waitForSelector('[data-testid=action-pause]:not([disabled])');
    const board = await openPageWithShellCsp(browser, `${hub.url}/board?area=tang-3#token=${encodeURIComponent(hub.token('display'))}`, VIEWPORTS.board);
    board.page.setDefaultTimeout(WAIT_MS);
    await board.page.waitForSelector('[data-testid=board]');
    const door = await openPageWithShellCsp(browser, `${hub.url}/door?counter=86#token=${encodeURIComponent(hub.token('display'))}`, VIEWPORTS.door);
    door.page.setDefaultTimeout(WAIT_MS);

    await console86.page.click('[data-testid=action-next]');
    await console86.page.waitForSelector('[data-testid=serving-number]:text("86001")');
    await board.page.waitForSelector('[data-testid=board-call][data-number="86001"][data-counter="86"]');
    await door.page.waitForSelector('[data-testid=door-number]:text("86001")');
    for (const opened of [console86, board, door]) {
      expect(opened.policiesAdded()).toBeGreaterThan(0);
      expect(cspViolations(opened.errors)).toEqual([]);
      await opened.close();
    }
  });

  it('the check can fail: a policy without the hub in connect-src is violated by the page', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.board });
    await context.route(`${new URL(hub.url).origin}/**`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (route.request().resourceType() === 'document') headers['content-security-policy'] = "default-src 'self'; connect-src 'none'";
      await route.fulfill({ response, headers });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${hub.url}/board?area=tang-3#token=${encodeURIComponent(hub.token('display'))}`);
    await page.waitForTimeout(1_500);
    expect(cspViolations(errors).length).toBeGreaterThan(0);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
