import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildCallAnnouncement } from '@layso/shared';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { announcements, counterCommand, counterTile, issueTickets, openBoard, requireBuiltRenderer, waitForAnnouncements } from './support.js';

/** Two floors, two boards: each shows and announces only its own floor's calls. */
describe('boards per floor', () => {
  let hub: TestHub;
  let browser: Browser;
  let floor1: Page;
  let floor3: Page;
  let both: Page;

  beforeAll(async () => {
    requireBuiltRenderer();
    hub = await startTestHub();
    browser = await launchBrowser();
    await issueTickets(hub, 'dat-dai', 1);
    await issueTickets(hub, 'cong-an-xnc', 1);
    // Muted: the hook records what would be said without waiting for the audio.
    [floor1, floor3, both] = (
      await Promise.all([
        openBoard(browser, hub, '?area=tang-1&mute=1'),
        openBoard(browser, hub, '?area=tang-3&mute=1'),
        openBoard(browser, hub, '?area=tang-1,tang-3&mute=1'),
      ])
    ).map((o) => o.page) as [Page, Page, Page];
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('lists only the counters of its own area(s)', async () => {
    expect(await floor1.locator('[data-testid^=board-counter-]').count()).toBe(4);
    expect(await floor1.locator('[data-testid=board-counter-86]').count()).toBe(0);
    expect(await floor3.locator('[data-testid=board-counter-11]').count()).toBe(0);
    expect(await both.locator('[data-testid^=board-counter-]').count()).toBe(22);
  });

  it('shows and announces a call on its own floor only', async () => {
    await counterCommand(hub, 11, 'next');
    await counterCommand(hub, 86, 'next');
    await counterTile(floor1, 11, '11001');
    await counterTile(floor3, 86, '86001');
    await both.waitForSelector('[data-testid=board-call][data-number="86001"]');

    const said1 = await waitForAnnouncements(floor1, 1);
    const said3 = await waitForAnnouncements(floor3, 1);
    const saidBoth = await waitForAnnouncements(both, 2);
    expect(said1.map((a) => a.clips)).toEqual([buildCallAnnouncement({ number: '11001', counter: 11 })]);
    expect(said3.map((a) => a.clips)).toEqual([buildCallAnnouncement({ number: '86001', counter: 86 })]);
    expect(saidBoth.map((a) => a.clips)).toEqual([
      buildCallAnnouncement({ number: '11001', counter: 11 }),
      buildCallAnnouncement({ number: '86001', counter: 86 }),
    ]);

    // Nothing of the other floor is on screen, and nothing more was said.
    expect(await floor1.locator('[data-testid=board-call]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))).toEqual(['11001']);
    expect(await floor3.locator('[data-testid=board-call]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))).toEqual(['86001']);
    expect(await announcements(floor1)).toHaveLength(1);
    expect(await announcements(floor3)).toHaveLength(1);
  });
});
