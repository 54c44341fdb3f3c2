import { describe, expect, it } from 'vitest';
import { openPage } from '@layso/hub/testing';
import { goTo, openAdmin, useAdminE2e, WAIT_MS } from './support.js';

const env = useAdminE2e();

describe('admin console: operations and settings', () => {
  it('pauses a service and closes the day on a running kiosk, and puts a notice on the hall board', async () => {
    const kiosk = await openPage(env.browser, `${env.hub.url}/kiosk/#token=${encodeURIComponent(env.hub.token('kiosk'))}`);
    kiosk.page.setDefaultTimeout(WAIT_MS);
    await kiosk.page.getByTestId('area-button-tang-3').click();
    const tuPhap = kiosk.page.getByTestId('service-button-tu-phap');
    await expect(tuPhap.getAttribute('data-availability')).resolves.toBe('available');
    const board = await openPage(env.browser, `${env.hub.url}/board?area=tang-3#token=${encodeURIComponent(env.hub.token('display'))}`, { width: 1920, height: 1080 });
    board.page.setDefaultTimeout(WAIT_MS);
    await board.page.getByTestId('board').waitFor();

    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'operations');
    const row = page.getByTestId('op-service-tu-phap');
    // Cancelling the confirmation changes nothing; Escape cancels and focus returns to the button.
    await row.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    await row.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.closest('[data-testid=op-service-tu-phap]') !== null)).resolves.toBe(true);
    await expect(tuPhap.getAttribute('data-availability')).resolves.toBe('available');

    await row.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByTestId('confirm-yes').click();
    await kiosk.page.locator('[data-testid=service-button-tu-phap][data-availability=paused]').waitFor();
    await row.getByRole('button', { name: 'Tiếp tục' }).click();
    await kiosk.page.locator('[data-testid=service-button-tu-phap][data-availability=available]').waitFor();

    await kiosk.page.getByTestId('back-button').click();
    await page.getByTestId('close-day').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('day-open').filter({ hasText: 'Đã đóng sớm hôm nay' }).waitFor();
    await kiosk.page.getByTestId('closed-notice').waitFor();
    await page.getByTestId('reopen-day').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('day-open').filter({ hasText: 'Đang nhận số' }).waitFor();
    await kiosk.page.getByTestId('area-button-tang-3').waitFor();

    await goTo(page, 'settings');
    // An impossible opening hour is refused next to its field, and nothing is saved.
    const mondayOpen = page.getByLabel('Thứ Hai · Buổi sáng · Từ');
    const before = env.hub.core.config.openingHours.mon;
    await mondayOpen.fill('25:00');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('field-error-openingHours.mon.0.open').waitFor();
    expect(env.hub.core.config.openingHours.mon).toEqual(before);

    await mondayOpen.fill(before[0]!.open);
    await page.getByLabel('Dòng thông báo trên bảng hiển thị').fill('Thứ Bảy làm việc buổi sáng');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('success-banner').waitFor();
    await board.page.getByTestId('notice-bar').filter({ hasText: 'Thứ Bảy làm việc buổi sáng' }).waitFor();
    for (const opened of [kiosk.page, board.page, page]) await opened.context().close();
  });
});
