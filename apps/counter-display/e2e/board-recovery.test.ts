import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildCallAnnouncement } from '@layso/shared';
import { startTestHubAgain, stopTestHubKeepingData, type TestHub } from '@layso/hub/testing';
import { closeHubAndBrowser, counterCommand, counterTile, issueTickets, openBoard, openDoor, startHubAndBrowser, waitForAnnouncements } from './support.js';

/** Nobody is at a hall TV to press F5: a board comes back by itself when the hub does. */
describe('board recovery after a hub restart', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let board: Page;
  let door: Page;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
    await issueTickets(hub, 'cong-an-xnc', 3);
    board = (await openBoard(browser, hub, '?area=tang-3&mute=1')).page;
    door = (await openDoor(browser, hub, 86)).page;
  });

  afterAll(() => closeHubAndBrowser(hub, browser));

  it('shows "mất kết nối" while the hub is down, then the hub truth, with no stale number', async () => {
    await counterCommand(hub, 86, 'next');
    await counterTile(board, 86, '86001');
    await door.waitForSelector('[data-testid=door-number]:text("86001")');

    await stopTestHubKeepingData(hub);
    const indicator = await board.waitForSelector('[data-testid=offline-indicator]');
    expect(await indicator.textContent()).toBe('Mất kết nối');
    await door.waitForSelector('[data-testid=offline-indicator]');
    // Long enough for the client's reconnect back-off to grow past the restart below.
    await board.waitForTimeout(2_500);

    hub = await startTestHubAgain(hub);
    // Changed on the new hub before the board is back: the board must not keep 86001.
    await counterCommand(hub, 86, 'done');
    await counterTile(board, 86, '');
    await door.waitForSelector('[data-testid=door-number]:text("—")');
    await board.waitForSelector('[data-testid=offline-indicator]', { state: 'detached' });
    await door.waitForSelector('[data-testid=offline-indicator]', { state: 'detached' });
  });

  it('shows and announces live calls again after the restart', async () => {
    const before = (await board.evaluate(() => (window as unknown as { __laysoAnnouncements?: unknown[] }).__laysoAnnouncements?.length ?? 0)) as number;
    await counterCommand(hub, 86, 'next');
    await counterTile(board, 86, '86002');
    await board.waitForSelector('[data-testid=board-call].is-newest[data-number="86002"]');
    const said = await waitForAnnouncements(board, before + 1);
    expect(said.at(-1)!.clips).toEqual(buildCallAnnouncement({ number: '86002', counter: 86 }));
  });
});
