import { describe, expect, it } from 'vitest';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { openKiosk } from './support/open-kiosk.js';

const env = useKioskE2e();

// Short idle times from the URL so the tests do not wait 30 s.
const SHORT = { idleMs: '1500', ticketIdleMs: '1000' };

describe('kiosk: sessions', () => {
  it('returns home by itself from a service list and from the ticket', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { params: SHORT });
    await page.getByTestId('area-button-tang-1').click();
    await page.getByTestId('services-screen').waitFor();
    await page.getByTestId('home-screen').waitFor({ timeout: 10_000 });
    await page.getByTestId('area-button-tang-1').click();
    await page.getByTestId('service-button-dat-dai').click();
    await page.getByTestId('ticket-screen').waitFor();
    await page.getByTestId('home-screen').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('ticket-screen').count()).toBe(0);
    await page.context().close();
  });

  it('switches to English and falls back to Vietnamese when the session returns home', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { params: SHORT });
    await page.getByTestId('language-toggle').click();
    expect(await page.locator('.header-title').textContent()).toBe('TAKE A NUMBER');
    expect(await page.getByTestId('area-button-tang-1').textContent()).toContain('Floor 1');
    await page.getByTestId('area-button-tang-3').click();
    expect(await page.getByTestId('service-button-cong-an-xnc').textContent()).toContain('Police (immigration)');
    expect(await page.getByTestId('service-button-cong-an-xnc').textContent()).toContain('Now serving');
    await page.getByTestId('home-screen').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.header-title').textContent()).toBe('LẤY SỐ THỨ TỰ');
    expect(await page.getByTestId('area-button-tang-1').textContent()).toContain('Tầng 1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.context().close();
  });

  it('"Đã lấy số trực tuyến?" with wrong digits shows the hub\'s answer and keeps the entry', async () => {
    const { page } = await openKiosk(env.browser, env.hub);
    await page.getByTestId('checkin-button').click();
    for (const digit of '860011234') await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('checkin-submit').click();
    const error = page.getByTestId('checkin-error');
    await error.waitFor();
    // A hub without the endpoint (before the portal issue) answers 404 too: both ask to see the staff.
    expect(['checkin-not-found', 'checkin-unavailable']).toContain(await error.getAttribute('data-kind'));
    expect(await error.textContent()).toMatch(/liên hệ cán bộ hướng dẫn/);
    expect(await page.getByTestId('checkin-number').getAttribute('data-value')).toBe('86001');
    await page.context().close();
  });
});
