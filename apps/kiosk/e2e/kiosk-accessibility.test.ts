import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibleControls } from '@layso/hub/testing';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { openKiosk } from './support/open-kiosk.js';

const env = useKioskE2e();
const screenshot = (size: string) => fileURLToPath(new URL(`../../../docs/screenshots/kiosk-big-text-${size}.png`, import.meta.url));
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 800, height: 1280 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];
const STILL = { idleMs: '600000', ticketIdleMs: '600000' };

const rootPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

/** Every control on the screen has a name a screen reader can say. */
async function expectAllNamed(page: Page): Promise<number> {
  const controls = await accessibleControls(page);
  expect(controls.filter((control) => control.name === '')).toEqual([]);
  return controls.length;
}

/** Presses Tab until `testId` has focus (at most `limit` presses); returns the test ids met on the way. */
async function tabTo(page: Page, testId: string, limit = 60): Promise<string[]> {
  const met: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
    met.push(focused);
    if (focused === testId) return met;
  }
  throw new Error(`Tab never reached ${testId}; met ${met.join(', ')}`);
}

describe('kiosk: accessibility', () => {
  it('"Chữ to" on home: large text, high contrast, for this session only (reset by the idle timeout)', async () => {
    const { page, errors } = await openKiosk(env.browser, env.hub, { params: { idleMs: '1500', ticketIdleMs: '1000' } });
    const toggle = page.getByRole('button', { name: 'Chữ to' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const normal = await rootPx(page);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.classList.contains('big-text'))).toBe(true);
    expect(await rootPx(page)).toBeGreaterThanOrEqual(normal * 1.2);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    // The next citizen finds the kiosk as usual: the idle timeout ends the session, home in normal text.
    await page.waitForFunction(() => !document.documentElement.classList.contains('big-text'), undefined, { timeout: 10_000 });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await rootPx(page)).toBe(normal);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('big text screenshots of home at every kiosk size, nothing wider than the screen', async () => {
    for (const viewport of SIZES) {
      const { page } = await openKiosk(env.browser, env.hub, { params: STILL, viewport });
      await page.getByTestId('big-text-toggle').click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: screenshot(`${viewport.width}x${viewport.height}`) });
      await page.context().close();
    }
  });

  it('every control on home, services, check-in and ticket screens has an accessible name', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { params: STILL });
    expect(await expectAllNamed(page)).toBeGreaterThan(3);
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-submit').waitFor();
    await expectAllNamed(page);
    await page.getByTestId('back-button').click();
    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('services-screen').waitFor();
    await expectAllNamed(page);
    await page.getByTestId('service-button-cong-an-xnc').click();
    await page.getByTestId('ticket-screen').waitFor();
    await expectAllNamed(page);
    await page.context().close();
  });

  it('keyboard / keypad: Tab and arrows reach every control, Enter activates, from home to services to a ticket and back', async () => {
    const { page, errors } = await openKiosk(env.browser, env.hub, { params: STILL });
    const homeControls = await page.locator('.kiosk button:not([disabled])').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
    const met = await tabTo(page, 'checkin-button');
    for (const id of homeControls) expect(met).toContain(id);
    // Arrows move as Tab does (a keypad with arrows and Enter).
    await page.keyboard.press('ArrowUp');
    const before = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(before).not.toBe('checkin-button');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('checkin-button');

    await tabTo(page, 'area-button-tang-3');
    await page.keyboard.press('Enter');
    await page.getByTestId('services-screen').waitFor();
    const serviceControls = await page.locator('.kiosk button:not([disabled])').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
    // Two rounds of Tab from wherever focus starts: every control is met.
    const metOnServices = [...(await tabTo(page, 'back-button')), ...(await tabTo(page, 'back-button'))];
    for (const id of serviceControls) expect(metOnServices).toContain(id);
    await tabTo(page, 'service-button-cong-an-xnc');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-screen').waitFor();
    await page.locator('[data-testid=ticket-done][data-armed=true]').waitFor();
    await tabTo(page, 'ticket-done');
    await page.keyboard.press('Enter');
    await page.getByTestId('home-screen').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
