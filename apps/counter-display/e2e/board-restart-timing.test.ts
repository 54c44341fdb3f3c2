import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHubAgain, stopTestHubKeepingData, type TestHub } from '@layso/hub/testing';
import { closeHubAndBrowser, counterCommand, counterTile, issueTickets, openBoard, openDoor, startHubAndBrowser } from './support.js';

/**
 * Issue 17: after a hub restart, screens came back 8.2–8.6 s later. Every screen must be
 * live within 3 s of the hub answering again: a board and a door screen, a real hub
 * down for 7 s (a service manager restart) and started again on the same port.
 */
const DOWN_MS = 7_000;
const LIVE_WITHIN_MS = 3_000;

describe('screens after a hub restart', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let board: Page;
  let door: Page;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
    await issueTickets(hub, 'cong-an-xnc', 2);
    board = (await openBoard(browser, hub, '?area=tang-3&mute=1')).page;
    door = (await openDoor(browser, hub, 86)).page;
  });

  afterAll(() => closeHubAndBrowser(hub, browser));

  it(`are live again within ${LIVE_WITHIN_MS} ms of the hub answering`, async () => {
    await counterCommand(hub, 86, 'next');
    await counterTile(board, 86, '86001');
    await stopTestHubKeepingData(hub);
    // Both screens say the hub is gone, the door too when the hub stopped before its
    // first snapshot (it is opened last; see door-offline.test.ts).
    await Promise.all([board.waitForSelector('[data-testid=offline-indicator]'), door.waitForSelector('[data-testid=offline-indicator]')]);
    await board.waitForTimeout(DOWN_MS);

    hub = await startTestHubAgain(hub);
    const answering = Date.now();
    // A change only the new hub knows: a screen is live once it shows it.
    await counterCommand(hub, 86, 'next');
    const live = async (page: Page, selector: string) => {
      await page.waitForSelector(selector, { timeout: 15_000 });
      await page.waitForSelector('[data-testid=offline-indicator]', { state: 'detached', timeout: 15_000 });
      return Date.now() - answering;
    };
    const [boardMs, doorMs] = await Promise.all([
      live(board, '[data-testid=board-counter-86][data-current="86002"]'),
      live(door, '[data-testid=door-number]:text("86002")'),
    ]);
    console.info(`hub restart: board live after ${boardMs} ms, door after ${doorMs} ms`);
    expect(Math.max(boardMs, doorMs)).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  });
});
