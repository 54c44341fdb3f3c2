import { describe, expect, it } from 'vitest';
import { ticketStatus } from './support/hub-calls.js';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { openKiosk } from './support/open-kiosk.js';

const env = useKioskE2e();

describe('kiosk: online check-in (real hub)', () => {
  it('checks in a booking with its number and the phone\'s last 4 digits', async () => {
    const booking = env.hub.bookings.book({ bookingRef: 'e2e-checkin-1', serviceId: 'cong-an-xnc', contact: { phone: '0912345678' } }).value;
    expect((await ticketStatus(env.hub.url, env.hub.core.currentDay, booking.number)).body.status).toBe('booked');

    const { page, errors } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('checkin-button').click();
    for (const digit of `${booking.number}5678`) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('checkin-submit').click();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(booking.number);
    expect(await page.getByTestId('checked-in-tag').textContent()).toBe('Đã xác nhận đã đến');
    expect(await page.getByTestId('ticket-counter').textContent()).toBe('Quầy số 86');
    expect((await ticketStatus(env.hub.url, env.hub.core.currentDay, booking.number)).body.status).toBe('waiting');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses digits that do not match the booking', async () => {
    const booking = env.hub.bookings.book({ bookingRef: 'e2e-checkin-2', serviceId: 'visa', contact: { phone: '0987654321' } }).value;
    const { page } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('checkin-button').click();
    for (const digit of `${booking.number}1111`) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('checkin-submit').click();
    const error = page.getByTestId('checkin-error');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('checkin-not-found');
    expect((await ticketStatus(env.hub.url, env.hub.core.currentDay, booking.number)).body.status).toBe('booked');
    await page.context().close();
  });
});
