import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startTestHub, type TestHub } from '@layso/hub/testing';
import { counterCommand, issueTickets, requireBuiltRenderer, WAIT_MS } from './support.js';

const PHONE = { width: 360, height: 640 };
const SCREENSHOT = fileURLToPath(new URL('../../../docs/screenshots/ticket-page-vi.png', import.meta.url));

/** A citizen opens the QR code of ticket 86004 on a cheap phone and watches the queue move. */
describe('the citizen ticket page /t/:day/:number', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let numbers: string[];

  beforeAll(async () => {
    requireBuiltRenderer();
    hub = await startTestHub();
    browser = await launchBrowser();
    numbers = await issueTickets(hub, 'cong-an-xnc', 4);
    ({ page, errors } = await openPage(browser, `${hub.url}/t/${hub.core.currentDay}/${numbers[3]}`, PHONE));
    page.setDefaultTimeout(WAIT_MS);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('shows the number, service, counter, current transaction, people ahead and estimate, without a token', async () => {
    await page.waitForSelector('[data-testid=ticket-page][data-status=waiting][data-ahead="3"]');
    expect(await page.textContent('[data-testid=ticket-number]')).toBe(numbers[3]);
    expect(await page.textContent('[data-testid=ticket-headline]')).toBe('Vui lòng chờ đến lượt');
    expect(await page.textContent('[data-testid=ticket-current]')).toBe('Chưa có');
    expect(await page.textContent('[data-testid=ticket-counter]')).toBe('86');
    expect(await page.textContent('main')).toContain('Công an tỉnh (XNC)');
    expect(await page.textContent('[data-testid=ticket-estimate]')).toMatch(/^(dưới 5 phút|khoảng \d+–\d+ phút)$/);
    // Fits a 360 px phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('follows the clerk live: ahead counts down, then "Mời đến quầy 86", then done', async () => {
    await counterCommand(hub, 86, 'next');
    await page.waitForSelector('[data-testid=ticket-page][data-ahead="2"]');
    await page.waitForSelector(`[data-testid=ticket-current]:text("${numbers[0]}")`);
    await counterCommand(hub, 86, 'next');
    await page.waitForSelector('[data-testid=ticket-page][data-ahead="1"]');
    await page.screenshot({ path: SCREENSHOT });
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 86, 'next');
    await page.waitForSelector('[data-testid=ticket-page][data-status=called]');
    expect(await page.textContent('[data-testid=ticket-headline]')).toBe('Mời đến quầy 86');
    await counterCommand(hub, 86, 'done');
    await page.waitForSelector('[data-testid=ticket-page][data-status=done]');
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid=ticket-lang]');
    await page.waitForSelector('[data-testid=ticket-headline]:text("Your transaction is done. Thank you!")');
    await page.click('[data-testid=ticket-lang]');
    await page.waitForSelector('[data-testid=ticket-headline]:text("Đã hoàn thành giao dịch. Cảm ơn ông/bà!")');
  });

  it('a booked ticket\'s page follows the check-in at the kiosk live, without a reload', async () => {
    const booking = hub.bookings.book({ bookingRef: 'e2e-phone-checkin', serviceId: 'cong-an-xnc', contact: { phone: '0912345678' } }).value;
    const phone = await openPage(browser, `${hub.url}/t/${hub.core.currentDay}/${booking.number}`, PHONE);
    phone.page.setDefaultTimeout(WAIT_MS);
    await phone.page.waitForSelector('[data-testid=ticket-page][data-status=booked]');
    const response = await fetch(`${hub.url}/api/tickets/checkin`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.token('kiosk')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ number: booking.number, phoneLast4: '5678' }),
    });
    expect(response.status).toBe(200);
    await phone.page.waitForSelector('[data-testid=ticket-page][data-status=waiting]');
    expect(await phone.page.textContent('[data-testid=ticket-headline]')).toBe('Vui lòng chờ đến lượt');
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  });

  it('says so for an unknown number and a malformed link', async () => {
    const unknown = await openPage(browser, `${hub.url}/t/${hub.core.currentDay}/86999`, PHONE);
    await unknown.page.waitForSelector('[data-testid=ticket-message]:has-text("Không tìm thấy số thứ tự này.")', { timeout: WAIT_MS });
    const bad = await openPage(browser, `${hub.url}/t/yesterday/1`, PHONE);
    await bad.page.waitForSelector('[data-testid=ticket-message]:has-text("Đường dẫn không hợp lệ")', { timeout: WAIT_MS });
    expect(errors).toEqual([]);
  });
});
