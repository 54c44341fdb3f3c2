import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { ticketStatus } from './support/hub-calls.js';
import { assertKioskBuilt } from './support/kiosk-build.js';
import { openKiosk } from './support/open-kiosk.js';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  assertKioskBuilt();
  hub = await startTestHub();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('kiosk: online check-in (real hub)', () => {
  it('checks in a booking with its number and the phone\'s last 4 digits', async () => {
    const booking = hub.bookings.book({ bookingRef: 'e2e-checkin-1', serviceId: 'cong-an-xnc', contact: { phone: '0912345678' } }).value;
    expect((await ticketStatus(hub.url, hub.core.currentDay, booking.number)).body.status).toBe('booked');

    const { page, errors } = await openKiosk(browser, hub);
    await page.getByTestId('checkin-button').click();
    for (const digit of `${booking.number}5678`) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('checkin-submit').click();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(booking.number);
    expect(await page.getByTestId('checked-in-tag').textContent()).toBe('Đã xác nhận đã đến');
    expect(await page.getByTestId('ticket-counter').textContent()).toBe('Quầy số 86');
    expect((await ticketStatus(hub.url, hub.core.currentDay, booking.number)).body.status).toBe('waiting');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses digits that do not match the booking', async () => {
    const booking = hub.bookings.book({ bookingRef: 'e2e-checkin-2', serviceId: 'visa', contact: { phone: '0987654321' } }).value;
    const { page } = await openKiosk(browser, hub);
    await page.getByTestId('checkin-button').click();
    for (const digit of `${booking.number}1111`) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('checkin-submit').click();
    const error = page.getByTestId('checkin-error');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('checkin-not-found');
    expect((await ticketStatus(hub.url, hub.core.currentDay, booking.number)).body.status).toBe('booked');
    await page.context().close();
  });
});
