import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHub } from '@layso/hub/testing';
import { closeHubAndBrowser, counterQueue, counterTile, issueTickets, openBoard, openConsole, startHubAndBrowser } from './support.js';

/** "Hoàn tác" in the console: a mis-pressed no-show or transfer is taken back, and the audit log has it. */
describe('console undo', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let console86: Page;
  let board: Page;

  beforeAll(async () => {
    ({ hub, browser } = await startHubAndBrowser());
    await issueTickets(hub, 'cong-an-xnc', 3);
    console86 = (await openConsole(browser, hub, 86)).page;
    board = (await openBoard(browser, hub, '?area=tang-3&mute=1')).page;
  });

  afterAll(() => closeHubAndBrowser(hub, browser));

  it('says what a no-show did and takes it back on "Hoàn tác": the citizen is served again everywhere', async () => {
    await console86.click('[data-testid=action-next]');
    await console86.waitForSelector('[data-testid=serving-number]:text("86001")');
    await console86.click('[data-testid=action-skip]');
    await console86.waitForSelector('[data-testid=serving-none]');
    const notice = await console86.waitForSelector('[data-testid=undo-notice][data-action=skip][data-number="86001"]');
    expect(await notice.textContent()).toContain('Đã ghi vắng mặt số 86001.');
    expect(await notice.textContent()).toMatch(/còn (10|9|8) giây/);
    await console86.screenshot({ path: fileURLToPath(new URL('../../../docs/screenshots/console-undo-1366x768.png', import.meta.url)) });
    await counterTile(board, 86, '');

    await console86.click('[data-testid=undo-button]');
    await console86.waitForSelector('[data-testid=serving-number]:text("86001")');
    await console86.waitForSelector('[data-testid=console-message]:text("Đã hoàn tác: số 86001 đang được phục vụ lại tại quầy.")');
    await console86.waitForSelector('[data-testid=undo-notice]', { state: 'detached' });
    await counterTile(board, 86, '86001');

    const audit = (await (await fetch(`${hub.url}/api/admin/audit`, { headers: { authorization: `Bearer ${hub.token('admin')}` } })).json()) as {
      entries: { action: string; target: string }[];
    };
    expect(audit.entries[0]).toMatchObject({ action: 'counter.undo', target: 'ticket:86001' });
  });

  it('takes back a transfer not yet called elsewhere', async () => {
    await console86.keyboard.press('F5');
    await console86.click('[data-testid=transfer-to-visa]');
    await console86.waitForSelector('[data-testid=undo-notice][data-action=transfer]:has-text("Đã chuyển số 86001 sang lĩnh vực")');
    expect((await counterQueue(hub, 87)).waiting.map((t) => t.number)).toContain('86001');
    await console86.click('[data-testid=undo-button]');
    await console86.waitForSelector('[data-testid=serving-number]:text("86001")');
    expect((await counterQueue(hub, 87)).waiting.map((t) => t.number)).not.toContain('86001');
  });

  it('withdraws the offer once the 10 s are up', async () => {
    await console86.click('[data-testid=action-done]');
    await console86.waitForSelector('[data-testid=undo-notice][data-action=done]');
    await console86.waitForSelector('[data-testid=undo-notice]', { state: 'detached', timeout: 15_000 });
    await console86.waitForSelector('[data-testid=serving-none]');
  });
});
