/**
 * Screenshots of every kiosk screen at 1080×1920, Vietnamese and English, into
 * docs/screenshots/kiosk-*.png. Needs the built page (pnpm build:web).
 *   npx tsx apps/kiosk/e2e/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { fakeBridgeScript, type FakeBridgeOptions } from './support/fake-bridge.js';
import { callNext, issueTicket } from './support/hub-calls.js';
import { assertKioskBuilt } from './support/kiosk-build.js';
import { openKiosk } from './support/open-kiosk.js';
import { closedCenter, smallCenter } from './support/test-centers.js';

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
// Long idle times: nothing may move while a screenshot is taken.
const STILL = { idleMs: '600000', ticketIdleMs: '600000' };

type Language = 'vi' | 'en';

async function shot(page: Page, name: string): Promise<void> {
  await page.getByTestId('busy-overlay').waitFor({ state: 'detached' });
  await page.screenshot({ path: `${OUT}kiosk-${name}.png`, animations: 'disabled' });
  console.log(`  kiosk-${name}.png`);
}

async function open(browser: Browser, hub: TestHub, language: Language, bridge?: FakeBridgeOptions): Promise<Page> {
  const { page } = await openKiosk(browser, hub, { params: STILL, ...(bridge ? { initScript: fakeBridgeScript(bridge) } : {}) });
  if (language === 'en') await page.getByTestId('language-toggle').click();
  return page;
}

/** Some life in the demo center: people waiting, counters serving. */
async function busyDay(hub: TestHub): Promise<void> {
  const kiosk = hub.token('kiosk');
  const plan: [string, number, number][] = [
    ['cong-an-xnc', 86, 4],
    ['tu-phap', 60, 3],
    ['visa', 87, 2],
    ['y-te', 64, 5],
    ['thong-tin-truyen-thong', 66, 1],
  ];
  for (const [serviceId, counter, count] of plan) {
    for (let i = 0; i < count; i++) await issueTicket(hub.url, kiosk, serviceId);
    await callNext(hub.url, counter, hub.token('counter', counter));
  }
}

async function demoScreens(browser: Browser, hub: TestHub, language: Language): Promise<void> {
  let page = await open(browser, hub, language);
  await shot(page, `home-${language}`);
  await page.getByTestId('area-button-tang-3').click();
  await shot(page, `services-${language}`);
  await page.getByTestId('back-button').click();
  await page.getByTestId('area-button-tang-1').click();
  await shot(page, `services-few-${language}`);
  await page.getByTestId('back-button').click();
  await page.getByTestId('priority-button').click();
  await shot(page, `priority-${language}`);
  await page.getByTestId('priority-category-nguoi-cao-tuoi').click();
  await shot(page, `priority-areas-${language}`);
  await page.getByTestId('area-button-tang-3').click();
  await shot(page, `priority-services-${language}`);
  await page.getByTestId('service-button-cong-an-xnc').click();
  await page.getByTestId('ticket-number').waitFor();
  await shot(page, `ticket-priority-${language}`);
  await page.context().close();

  // A plain browser: no printer, the citizen is asked to remember the number.
  page = await open(browser, hub, language);
  await page.getByTestId('area-button-tang-3').click();
  await page.getByTestId('service-button-cong-an-xnc').click();
  await page.getByTestId('ticket-number').waitFor();
  await shot(page, `ticket-${language}`);
  await page.context().close();

  // In the Electron shell: printed, or the printer failed.
  page = await open(browser, hub, language, {});
  await page.getByTestId('area-button-tang-3').click();
  await page.getByTestId('service-button-tu-phap').click();
  await page.locator('[data-testid="ticket-print"][data-state="printed"]').waitFor();
  await shot(page, `ticket-printed-${language}`);
  await page.context().close();

  page = await open(browser, hub, language, { printFails: 'PAPER_OUT', printerState: 'not-ready' });
  await page.getByTestId('printer-banner').waitFor();
  await shot(page, `home-printer-problem-${language}`);
  await page.getByTestId('area-button-tang-3').click();
  await page.getByTestId('service-button-visa').click();
  await page.locator('[data-testid="ticket-print"][data-state="failed"]').waitFor();
  await shot(page, `ticket-printer-problem-${language}`);
  await page.context().close();

  page = await open(browser, hub, language);
  await page.getByTestId('checkin-button').click();
  for (const digit of '860017') await page.getByTestId(`key-${digit}`).click();
  await shot(page, `checkin-${language}`);
  for (const digit of '890') await page.getByTestId(`key-${digit}`).click();
  await page.getByTestId('checkin-submit').click();
  await page.getByTestId('checkin-error').waitFor();
  await shot(page, `checkin-not-found-${language}`);
  await page.context().close();

  const booking = hub.bookings.book({ bookingRef: `shot-${language}`, serviceId: 'cong-an-xnc', contact: { phone: '0912345678' } }).value;
  page = await open(browser, hub, language);
  await page.getByTestId('checkin-button').click();
  for (const digit of `${booking.number}5678`) await page.getByTestId(`key-${digit}`).click();
  await page.getByTestId('checkin-submit').click();
  await page.getByTestId('checked-in-tag').waitFor();
  await shot(page, `checkin-done-${language}`);
  await page.context().close();

  // Hub failures, answered by a stand-in so each message can be seen.
  const failures: [string, (page: Page) => Promise<unknown>][] = [
    ['offline', (p) => p.route('**/api/tickets', (route) => route.abort('connectionrefused'))],
    ['queue-full', (p) => p.route('**/api/tickets', (route) => route.fulfill({ status: 409, json: { error: { code: 'QUEUE_FULL', message: 'full' } } }))],
    ['closed', (p) => p.route('**/api/tickets', (route) => route.fulfill({ status: 409, json: { error: { code: 'CLOSED', message: 'closed' } } }))],
  ];
  for (const [name, install] of failures) {
    page = await open(browser, hub, language);
    await install(page);
    await page.getByTestId('area-button-tang-2').click();
    await page.getByTestId('service-button-xay-dung').click();
    await page.getByTestId('error-screen').waitFor();
    await shot(page, `error-${name}-${language}`);
    await page.context().close();
  }
}

async function main(): Promise<void> {
  assertKioskBuilt();
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  const demo = await startTestHub();
  const small = await startTestHub({ config: smallCenter() });
  const closed = await startTestHub({ config: closedCenter() });
  try {
    await busyDay(demo);
    await issueTicket(small.url, small.token('kiosk'), 'thue'); // now full for the day
    for (const language of ['vi', 'en'] as const) {
      await demoScreens(browser, demo, language);
      let page = await open(browser, small, language);
      await page.getByTestId('area-button-tang-1').click();
      await shot(page, `services-unavailable-${language}`);
      await page.context().close();
      page = await open(browser, closed, language);
      await shot(page, `closed-${language}`);
      await page.context().close();
    }
    // Last: the hub goes away under an open page.
    const page = await open(browser, demo, 'vi');
    await demo.close();
    await page.getByTestId('offline-banner').waitFor();
    await shot(page, 'home-offline-vi');
    await page.context().close();
  } finally {
    await browser.close();
    await demo.stop().catch(() => undefined);
    await small.stop();
    await closed.stop();
  }
}

await main();
