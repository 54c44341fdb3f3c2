/**
 * Every kiosk screen one and two taps from home (and the few a citizen meets on the
 * way: a refused check-in, the printer problem, the hub gone, the closed center), at
 * one screen size. `visit` is called on each with the page showing it; the layout
 * test checks it, the screenshot script photographs it.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestHub } from '@layso/hub/testing';
import { fakeBridgeScript } from './fake-bridge.js';
import { openKiosk } from './open-kiosk.js';

export interface ScreenSize {
  width: number;
  height: number;
  /** What it is in a center. */
  kind: string;
}

/** The kiosks centers buy (docs/kiosk.md "Screen sizes"). */
export const KIOSK_SIZES: ScreenSize[] = [
  { width: 1080, height: 1920, kind: 'floor stand (portrait)' },
  { width: 1920, height: 1080, kind: 'wall or desk screen' },
  { width: 1366, height: 768, kind: 'all-in-one' },
  { width: 1280, height: 1024, kind: '5:4 monitor' },
  { width: 800, height: 1280, kind: 'tablet (portrait)' },
];

export const sizeName = (size: ScreenSize) => `${size.width}x${size.height}`;

export type Visit = (screen: string, page: Page) => Promise<void>;

// Nothing may move on its own while a screen is looked at.
const STILL = { idleMs: '600000', ticketIdleMs: '600000' };

async function open(browser: Browser, hub: TestHub, size: ScreenSize, initScript?: string): Promise<Page> {
  const { page } = await openKiosk(browser, hub, { params: STILL, viewport: { width: size.width, height: size.height }, ...(initScript ? { initScript } : {}) });
  return page;
}

async function tap(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
}

async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await tap(page, `key-${digit}`);
}

/**
 * The tour over the demo center (`demo`: the demo configuration, some tickets
 * waiting), a center outside its opening hours (`closed`) and one whose only
 * area has more services than a screen holds (`many`).
 */
export async function tourKioskScreens(browser: Browser, hubs: { demo: TestHub; closed: TestHub; many: TestHub }, size: ScreenSize, visit: Visit): Promise<void> {
  const { demo, closed, many } = hubs;
  let page = await open(browser, demo, size);
  await visit('home', page);
  for (const area of ['tang-1', 'tang-2', 'tang-3']) {
    await tap(page, `area-button-${area}`);
    await page.getByTestId('services-screen').waitFor();
    await visit(`services-${area}`, page);
    await tap(page, 'back-button');
  }
  await tap(page, 'priority-button');
  await visit('priority', page);
  await tap(page, 'priority-category-nguoi-cao-tuoi');
  await visit('priority-areas', page);
  await tap(page, 'area-button-tang-3');
  await visit('priority-services', page);
  await tap(page, 'back-button');
  await tap(page, 'back-button');
  await tap(page, 'back-button');

  await tap(page, 'checkin-button');
  await visit('checkin', page);
  await typeDigits(page, '860991111');
  await tap(page, 'checkin-submit');
  await page.getByTestId('checkin-error').waitFor();
  await visit('checkin-error', page);
  await tap(page, 'back-button');

  await tap(page, 'language-toggle');
  await visit('home-en', page);
  await tap(page, 'area-button-tang-3');
  await visit('services-en', page);
  await tap(page, 'back-button');
  await tap(page, 'checkin-button');
  await visit('checkin-en', page);
  await tap(page, 'back-button');
  await tap(page, 'language-toggle');

  await tap(page, 'area-button-tang-3');
  await tap(page, 'service-button-cong-an-xnc');
  await page.getByTestId('ticket-number').waitFor();
  await visit('ticket', page);
  await page.locator('[data-testid="ticket-done"][data-armed="true"]').click();

  const booking = demo.bookings.book({ bookingRef: `tour-${sizeName(size)}`, serviceId: 'cong-an-xnc', contact: { phone: '0912345678' } }).value;
  await tap(page, 'checkin-button');
  await typeDigits(page, `${booking.number}5678`);
  await tap(page, 'checkin-submit');
  await page.getByTestId('checked-in-tag').waitFor();
  await visit('ticket-checked-in', page);
  await page.context().close();

  // In the shell with a printer out of paper: the banner on every screen, the longest paper message.
  page = await open(browser, demo, size, fakeBridgeScript({ printFails: 'PAPER_OUT', printerState: 'not-ready' }));
  await page.getByTestId('printer-banner').waitFor();
  await visit('home-printer-problem', page);
  await tap(page, 'area-button-tang-3');
  await visit('services-printer-problem', page);
  await tap(page, 'service-button-visa');
  await page.locator('[data-testid="ticket-print"][data-state="failed"]').waitFor();
  await visit('ticket-printer-problem', page);
  await page.context().close();

  // The hub cannot be reached when the service is tapped.
  page = await open(browser, demo, size);
  await page.route('**/api/tickets', (route) => route.abort('connectionrefused'));
  await tap(page, 'area-button-tang-2');
  await tap(page, 'service-button-xay-dung');
  await page.getByTestId('error-screen').waitFor();
  await visit('error-offline', page);
  await page.context().close();

  page = await open(browser, closed, size);
  await page.getByTestId('closed-notice').waitFor();
  await visit('closed', page);
  await page.context().close();

  page = await open(browser, many, size);
  await tap(page, 'area-button-tang-1');
  await page.getByTestId('services-screen').waitFor();
  await visit('services-many', page);
  await page.context().close();
}
