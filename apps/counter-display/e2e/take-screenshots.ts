/**
 * Screenshots of the console, door screen and hall board in Vietnamese (and the board
 * in English, `lang=en`), for
 * docs/screenshots/ (LOOK at them after changing a screen):
 *
 *   npx vite build            # in apps/counter-display
 *   npx tsx apps/counter-display/e2e/take-screenshots.ts [outDir]
 *
 * A real test hub with a plausible morning: tickets issued on floor 3, some called,
 * one counter on a break, an online booking and a priority ticket waiting.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startTestHub } from '@layso/hub/testing';
import { counterCommand, issueTickets, openBoard, openConsole, openDoor, requireBuiltRenderer, VIEWPORTS } from './support.js';

const outDir = process.argv[2] ?? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const NOTICE = 'Trung tâm làm việc từ 7 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu. Công dân vui lòng giữ phiếu số thứ tự và chờ đến lượt.';

requireBuiltRenderer();
mkdirSync(outDir, { recursive: true });
const hub = await startTestHub();
const browser = await launchBrowser();
try {
  // Floor 3 in mid-morning.
  for (const [serviceId, count] of [
    ['cong-an-xnc', 6],
    ['visa', 3],
    ['tu-phap', 4],
    ['thong-tin-truyen-thong', 2],
    ['cong-an-tinh', 3],
    ['y-te', 2],
    ['noi-vu', 2],
  ] as const) {
    await issueTickets(hub, serviceId, count);
  }
  await issueTickets(hub, 'cong-an-xnc', 1, 'nguoi-cao-tuoi');
  const booking = hub.core.book({ serviceId: 'cong-an-xnc', bookingRef: 'CSDL-2026-000123', deadline: Date.now() + 11 * 60_000 });
  hub.publish(booking.events);
  for (const counter of [60, 66, 80, 64, 87, 60, 67]) await counterCommand(hub, counter, 'next', { clerk: 'Demo' });
  await counterCommand(hub, 86, 'next', { clerk: 'Nguyễn Văn An' });
  await counterCommand(hub, 86, 'next', { clerk: 'Nguyễn Văn An' });
  await counterCommand(hub, 68, 'pause');

  const consolePage = await openConsole(browser, hub, 86, 'Nguyễn Văn An');
  await consolePage.page.waitForSelector('[data-testid=serving-number]');
  await consolePage.page.screenshot({ path: `${outDir}/console-1366x768.png` });
  await consolePage.page.setViewportSize({ width: 1920, height: 1080 });
  await consolePage.page.screenshot({ path: `${outDir}/console-1920x1080.png` });
  await consolePage.page.setViewportSize(VIEWPORTS.console);
  await consolePage.page.click('[data-testid=action-transfer]');
  await consolePage.page.waitForSelector('[data-testid=transfer-dialog]');
  await consolePage.page.screenshot({ path: `${outDir}/console-transfer-1366x768.png` });

  const door = await openDoor(browser, hub, 86);
  await door.page.waitForSelector('[data-testid=door-number]');
  await door.page.screenshot({ path: `${outDir}/door-1280x720.png` });
  await door.page.setViewportSize(VIEWPORTS.doorSmall);
  await door.page.screenshot({ path: `${outDir}/door-800x480.png` });
  const pausedDoor = await openDoor(browser, hub, 68, VIEWPORTS.doorSmall);
  await pausedDoor.page.waitForSelector('[data-testid=door-paused]');
  await pausedDoor.page.screenshot({ path: `${outDir}/door-paused-800x480.png` });

  const query = `?area=tang-3&notice=${encodeURIComponent(NOTICE)}&mute=1`;
  const board = await openBoard(browser, hub, query);
  await board.page.screenshot({ path: `${outDir}/board-1920x1080.png` });
  const portrait = await openBoard(browser, hub, `${query}&layout=portrait`, VIEWPORTS.boardPortrait);
  await portrait.page.screenshot({ path: `${outDir}/board-portrait-1080x1920.png` });

  const floor1 = await openPage(browser, `${hub.url}/board?area=tang-1&mute=1`, VIEWPORTS.board);
  await floor1.page.waitForSelector('[data-testid=board]');
  await floor1.page.screenshot({ path: `${outDir}/board-tang-1-1920x1080.png` });

  // The English board (`lang=en`), for a center with foreign visitors.
  const english = await openBoard(browser, hub, '?area=tang-3&mute=1&lang=en&notice=' + encodeURIComponent('Please keep your ticket until your transaction is done.'));
  await english.page.screenshot({ path: `${outDir}/board-en-1920x1080.png` });
  console.log(`screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await hub.stop();
}
