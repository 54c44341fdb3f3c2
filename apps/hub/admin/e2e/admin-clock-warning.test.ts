import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '@layso/shared';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { createAdminUser, openAdmin, requireAdminBuild, WAIT_MS } from './support.js';

const DAY_MS = 86_400_000;
const ZONE = 'Asia/Ho_Chi_Minh';

// The hub's clock is the real one plus `offset`: it jumps 400 days ahead and NTP sets it
// back. (Real time underneath, because the browser's sessions run on real time.)
let offset = 0;
let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  requireAdminBuild();
  hub = await startTestHub({ clock: { now: () => Date.now() + offset }, tickMs: 50 });
  await createAdminUser(hub);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('admin console: clock warning', () => {
  it('shows a banner on every page after the clock jumped and went back, until the administrator checked the clock', async () => {
    const { page, errors } = await openAdmin(browser, hub);
    expect(await page.getByTestId('clock-warning').count()).toBe(0);

    // Both moves in one turn of the event loop: no session sweep runs in the future.
    const day = hub.core.currentDay;
    offset = 400 * DAY_MS;
    hub.publish(hub.core.tick().events);
    offset = 0;
    hub.publish(hub.core.tick().events);
    expect(hub.core.currentDay).toBe(day);
    const [forward, back] = hub.core.clockWarnings;
    const at = (ms: number) => formatDateTime(ms, ZONE);

    // The console asks once a minute; a reload (or opening it) asks at once.
    await page.reload();
    const banner = page.getByTestId('clock-warning');
    await banner.waitFor({ timeout: WAIT_MS });
    const text = await banner.innerText();
    expect(text).toContain('Đồng hồ của máy chủ đã bị thay đổi bất thường');
    expect(text).toContain(`Đồng hồ nhảy tới hơn một giờ: từ ${at(forward!.from)} đến ${at(forward!.to)}`);
    expect(text).toContain(`Đồng hồ bị lùi lại: từ ${at(back!.from)} về ${at(back!.to)}.`);
    expect(forward!.to - forward!.from).toBeGreaterThanOrEqual(400 * DAY_MS);
    expect(text).toContain('Giờ máy chủ hiện tại:');

    // On another page too.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('page-reports').waitFor();
    await banner.waitFor();

    await page.getByTestId('clock-acknowledge').click();
    await banner.waitFor({ state: 'detached' });
    expect(hub.core.clockWarnings).toEqual([]);
    await page.reload();
    await page.getByTestId('page-reports').waitFor();
    expect(await page.getByTestId('clock-warning').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
