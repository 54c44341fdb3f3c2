import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@layso/hub/testing';
import { checkLayout } from './support/layout-check.js';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { KIOSK_SIZES, sizeName, tourKioskScreens } from './support/screen-tour.js';
import { openKiosk } from './support/open-kiosk.js';
import { closedCenter, manyServicesCenter } from './support/test-centers.js';

const env = useKioskE2e();
let closed: TestHub;
let many: TestHub;

beforeAll(async () => {
  closed = await startTestHub({ config: closedCenter() });
  many = await startTestHub({ config: manyServicesCenter() });
});
afterAll(async () => {
  await closed?.stop();
  await many?.stop();
});

describe('kiosk: every screen works at every size', () => {
  for (const size of KIOSK_SIZES) {
    it(`${sizeName(size)} (${size.kind}): every button and line one and two taps from home can be reached and tapped`, async () => {
      const problems: string[] = [];
      const visited: string[] = [];
      let buttons = 0;
      try {
        await tourKioskScreens(env.browser, { demo: env.hub, closed, many }, size, async (screen, page) => {
          page.setDefaultTimeout(5_000);
          const report = await checkLayout(page);
          visited.push(screen);
          buttons += report.checkedButtons;
          problems.push(...report.problems.map((p) => `${screen}: ${p}`));
          if (screen === 'services-tang-3') {
            // Counter order, whatever order the services were created in.
            const counters = await page.locator('.counter-badge-number').allTextContents();
            const numbers = counters.map(Number);
            if (numbers.join() !== [...numbers].sort((a, b) => a - b).join()) problems.push(`${screen}: services not in counter order: ${counters.join(' ')}`);
          }
        });
      } catch (error) {
        problems.push(`tour stopped after ${visited.at(-1) ?? 'nothing'}: ${(error as Error).message.split('\n')[0]}`);
      }
      expect(problems).toEqual([]);
      expect(visited).toHaveLength(20);
      // The tour did look at buttons: home alone has the areas, priority, check-in and language.
      expect(buttons).toBeGreaterThan(100);
    }, 180_000);
  }
});

describe('kiosk: a list longer than the screen', () => {
  it('says "Kéo xuống để xem thêm", and ▼ ▲ move through it to the last service and back', async () => {
    const { page, errors } = await openKiosk(env.browser, many, { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('area-button-tang-1').click();
    const list = page.getByTestId('service-list');
    const last = page.getByTestId('service-button-linh-vuc-49');
    const hint = page.getByTestId('scroll-more');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Kéo xuống để xem thêm');
    expect(await page.getByTestId('scroll-up').isDisabled()).toBe(true);
    expect(await last.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(false);

    // A finger-free way down: the ▼ button, until the end of the list is reached.
    for (let i = 0; i < 10 && (await page.getByTestId('scroll-down').isEnabled()); i++) {
      await page.getByTestId('scroll-down').click();
      await page.waitForTimeout(400); // the smooth scroll
    }
    await expect.poll(() => hint.textContent()).toContain('Đã đến cuối danh sách');
    const box = await list.boundingBox();
    const lastBox = await last.boundingBox();
    expect(lastBox!.y + lastBox!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
    await last.click({ trial: true }); // reachable and not covered
    expect(await page.getByTestId('scroll-up').isEnabled()).toBe(true);

    await page.getByTestId('scroll-up').click();
    await expect.poll(() => hint.textContent()).toContain('Kéo xuống để xem thêm');
    expect(await list.evaluate((el) => el.scrollTop)).toBeLessThan(await list.evaluate((el) => el.scrollHeight - el.clientHeight));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows no hint when the list fits', async () => {
    const { page } = await openKiosk(env.browser, env.hub, { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('service-button-visa').waitFor();
    expect(await page.getByTestId('scroll-more').count()).toBe(0);
    await page.context().close();
  });
});
