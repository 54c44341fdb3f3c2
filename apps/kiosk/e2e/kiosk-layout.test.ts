import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@layso/hub/testing';
import { checkLayout } from './support/layout-check.js';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { KIOSK_SIZES, sizeName, tourKioskScreens } from './support/screen-tour.js';
import { closedCenter } from './support/test-centers.js';

const env = useKioskE2e();
let closed: TestHub;

beforeAll(async () => {
  closed = await startTestHub({ config: closedCenter() });
});
afterAll(async () => {
  await closed?.stop();
});

describe('kiosk: every screen works at every size', () => {
  for (const size of KIOSK_SIZES) {
    it(`${sizeName(size)} (${size.kind}): every button and line one and two taps from home can be reached and tapped`, async () => {
      const problems: string[] = [];
      const visited: string[] = [];
      let buttons = 0;
      try {
        await tourKioskScreens(env.browser, { demo: env.hub, closed }, size, async (screen, page) => {
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
      expect(visited).toHaveLength(19);
      // The tour did look at buttons: home alone has the areas, priority, check-in and language.
      expect(buttons).toBeGreaterThan(100);
    }, 180_000);
  }
});
