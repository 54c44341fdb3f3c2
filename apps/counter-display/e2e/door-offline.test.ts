import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { stopTestHubKeepingData, type TestHub } from '@layso/hub/testing';
import { closeHubAndBrowser, counterCommand, counterTile, issueTickets, openBoard, openDoor, startHubAndBrowser } from './support.js';

/**
 * "The screens say only what is true": a door screen must say the hub is gone as soon
 * as a board does, also when the hub went before the door had its first snapshot (the
 * restart-timing e2e stopped the hub while a just-opened door was still connecting, and
 * that door said "Đang kết nối…" for as long as the hub stayed down, with no indicator).
 */
const OFFLINE_WITHIN_MS = 5_000;
const INDICATOR = '[data-testid=offline-indicator]';

async function msUntil(page: Page, selector: string, since: number): Promise<number> {
  await page.waitForSelector(selector, { timeout: 15_000 });
  return Date.now() - since;
}

describe('door screen when the hub is gone', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
  });

  afterAll(() => closeHubAndBrowser(hub, browser));

  it('says "Mất kết nối" when it cannot reach the hub before its first snapshot', async () => {
    // The page loads, but its socket never gets through: no snapshot will come.
    const { page: door } = await openDoor(browser, hub, 86);
    await door.context().route('**/socket.io/**', (route) => route.abort('connectionrefused'));
    await door.reload();
    const indicator = await door.waitForSelector(INDICATOR, { timeout: 15_000 });
    expect(await indicator.textContent()).toBe('Mất kết nối');
    expect(await door.locator('[data-testid=door-number]').count()).toBe(0);
    await door.context().close();
  });

  it(`shows its offline indicator within ${OFFLINE_WITHIN_MS} ms of the hub stopping, as the board does`, async () => {
    await issueTickets(hub, 'cong-an-xnc', 1);
    const { page: board } = await openBoard(browser, hub, '?area=tang-3&mute=1');
    // Opened last, like the restart-timing e2e: the hub may stop before its first snapshot.
    const { page: door } = await openDoor(browser, hub, 86);
    await counterCommand(hub, 86, 'next');
    await counterTile(board, 86, '86001');
    const stopping = Date.now();
    await stopTestHubKeepingData(hub);
    const [boardMs, doorMs] = await Promise.all([msUntil(board, INDICATOR, stopping), msUntil(door, INDICATOR, stopping)]);
    console.info(`hub stopped: board offline after ${boardMs} ms, door after ${doorMs} ms`);
    expect(boardMs).toBeLessThanOrEqual(OFFLINE_WITHIN_MS);
    expect(doorMs).toBeLessThanOrEqual(OFFLINE_WITHIN_MS);
  });
});
