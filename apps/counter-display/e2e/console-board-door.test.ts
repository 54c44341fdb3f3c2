import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildCallAnnouncement } from '@layso/shared';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import {
  counterQueue,
  counterTile,
  inOrder,
  issueTickets,
  openBoard,
  openConsole,
  openDoor,
  requireBuiltRenderer,
  waitForAnnouncements,
} from './support.js';

/**
 * One morning at counter 86 (Công an tỉnh (XNC), floor 3): the clerk works the
 * console; the floor's board and the screen above the counter follow, and the board
 * calls every number out loud.
 */
// The board is not muted: its calls really play, one after another (see waitForAnnouncements).
describe('counter 86: console → board and door', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let console86: Page;
  let board: Page;
  let door: Page;
  const errors: string[][] = [];

  beforeAll(async () => {
    requireBuiltRenderer();
    hub = await startTestHub();
    browser = await launchBrowser();
    await issueTickets(hub, 'cong-an-xnc', 5);
    const opened = await Promise.all([openConsole(browser, hub, 86), openBoard(browser, hub, '?area=tang-3'), openDoor(browser, hub, 86)]);
    [console86, board, door] = opened.map((o) => o.page) as [Page, Page, Page];
    errors.push(...opened.map((o) => o.errors));
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('next by click: the number shows on the console, the board and the door, and is announced', async () => {
    await console86.click('[data-testid=action-next]');
    await console86.waitForSelector('[data-testid=serving-number]:text("86001")');
    await counterTile(board, 86, '86001');
    await board.waitForSelector('[data-testid=board-call].is-newest[data-number="86001"][data-counter="86"]');
    await door.waitForSelector('[data-testid=door-number]:text("86001")');

    const [first] = await waitForAnnouncements(board, 1);
    expect(first!.clips).toEqual(buildCallAnnouncement({ number: '86001', counter: 86 }));
    // chime, "Xin mời công dân có số thứ tự", 8 6 0 0 1 one by one, "đến quầy số", tám mươi sáu.
    expect(first!.clips[0]).toBe('chime');
    expect(inOrder(first!.clips, ['digit-8', 'digit-6', 'digit-0', 'digit-0', 'digit-1', 'den-quay-so', 'num-80', 'num-6'])).toBe(true);
  });

  it('next by the F1 shortcut calls the following number', async () => {
    await console86.keyboard.press('F1');
    await console86.waitForSelector('[data-testid=serving-number]:text("86002")');
    await counterTile(board, 86, '86002');
    await door.waitForSelector('[data-testid=door-number]:text("86002")');
    const records = await waitForAnnouncements(board, 2);
    // Pressed while the board still reads out 86001: it follows in the short form,
    // without a chime of its own (voice queueing, docs/counter-display.md).
    expect(records[1]!.clips).toEqual(buildCallAnnouncement({ number: '86002', counter: 86, form: 'short', chime: false }));
    // The first number served was finished by "next", so today's count went up.
    await console86.waitForSelector('[data-testid=served-today]:text("1")');
  });

  it('a double press calls one ticket', async () => {
    const before = (await counterQueue(hub, 86)).waiting.length;
    await console86.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid=action-next]')!;
      button.click();
      button.click();
    });
    await console86.waitForSelector('[data-testid=serving-number]:text("86003")');
    await console86.waitForSelector('[data-testid=action-next]:not([disabled])');
    expect((await counterQueue(hub, 86)).waiting.length).toBe(before - 1);
  });

  it('recall (F2) is announced again, with the recall chime', async () => {
    const before = (await waitForAnnouncements(board, 3)).length;
    await console86.keyboard.press('F2');
    const records = await waitForAnnouncements(board, before + 1);
    // Pressed while 86003 is still being read out: the repeat follows it, short, with the recall chime.
    expect(records.at(-1)!.clips).toEqual(buildCallAnnouncement({ number: '86003', counter: 86, recall: true, form: 'short' }));
    expect(records.at(-1)!.clips[0]).toBe('chime-recall');
  });

  it('no-show (F3) leaves the counter with nobody served; the buttons that need a ticket say why', async () => {
    await console86.keyboard.press('F3');
    await console86.waitForSelector('[data-testid=serving-none]');
    await door.waitForSelector('[data-testid=door-number]:text("—")');
    await counterTile(board, 86, '');
    const recall = await console86.waitForSelector('[data-testid=action-recall][disabled]');
    expect(await recall.textContent()).toContain('Chưa có số đang phục vụ');
  });

  it('transfer (F5) moves the ticket to the chosen service: it shows in the other counter waiting list', async () => {
    await console86.keyboard.press('F1');
    await console86.waitForSelector('[data-testid=serving-number]:text("86004")');
    await console86.keyboard.press('F5');
    await console86.click('[data-testid=transfer-to-visa]');
    await console86.waitForSelector('[data-testid=serving-none]');
    const console87 = await openConsole(browser, hub, 87, 'Trần Thị Bình');
    await console87.page.waitForSelector('[data-testid=waiting-ticket][data-number="86004"]');
    expect((await counterQueue(hub, 87)).waiting.map((t) => t.number)).toContain('86004');
    await console87.page.context().close();
  });

  it('pause (F6) shows "Tạm nghỉ" on the door and the board and blocks next; resume lifts it', async () => {
    await console86.keyboard.press('F6');
    await door.waitForSelector('[data-testid=door-paused]:text("TẠM NGHỈ")');
    await board.waitForSelector('[data-testid=board-counter-86][data-status=paused]:has-text("Tạm nghỉ")');
    const next = await console86.waitForSelector('[data-testid=action-next][disabled]');
    expect(await next.textContent()).toContain('Quầy đang tạm nghỉ');
    expect(await console86.textContent('[data-testid=action-pause]')).toContain('Tiếp tục');
    await console86.keyboard.press('F6');
    await console86.waitForSelector('[data-testid=action-next]:not([disabled])');
    await door.waitForSelector('[data-testid=door-number]');
    // The console finds its counter by asking each one (403 from the others) until
    // the hub has a "who am I" endpoint; anything else logged is a bug.
    expect(errors.flat().filter((e) => !e.includes('status of 403'))).toEqual([]);
  });
});
