/**
 * Screenshots of each kiosk screen at each supported size (docs/kiosk.md "Screen
 * sizes") into docs/screenshots/kiosk-<screen>-<width>x<height>.png, from the same
 * tour the layout test checks. Needs the built page (pnpm build:web).
 *   npx tsx apps/kiosk/e2e/layout-screenshots.ts            # the documented screens
 *   npx tsx apps/kiosk/e2e/layout-screenshots.ts --all /tmp/shots   # every screen of the tour, elsewhere
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startTestHub } from '@layso/hub/testing';
import { callNext, issueTicket } from './support/hub-calls.js';
import { assertKioskBuilt } from './support/kiosk-build.js';
import { KIOSK_SIZES, sizeName, tourKioskScreens } from './support/screen-tour.js';
import { closedCenter, manyServicesCenter } from './support/test-centers.js';

/** One screenshot per kind of screen, in its fullest state. */
const DOCUMENTED = new Set(['home', 'services-tang-3', 'services-many', 'priority', 'checkin-error', 'ticket-printer-problem', 'error-offline']);
const RENAMED: Record<string, string> = { 'services-tang-3': 'services', 'ticket-printer-problem': 'ticket' };

const all = process.argv.includes('--all');
const outArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const OUT = outArg ? `${outArg.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

async function main(): Promise<void> {
  assertKioskBuilt();
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  const demo = await startTestHub();
  const closed = await startTestHub({ config: closedCenter() });
  const many = await startTestHub({ config: manyServicesCenter() });
  try {
    // Some life: people waiting and numbers being served.
    for (const [serviceId, counter] of [['cong-an-xnc', 86], ['tu-phap', 60], ['y-te', 64]] as const) {
      for (let i = 0; i < 3; i++) await issueTicket(demo.url, demo.token('kiosk'), serviceId);
      await callNext(demo.url, counter, demo.token('counter', counter));
    }
    for (const size of KIOSK_SIZES) {
      await tourKioskScreens(browser, { demo, closed, many }, size, async (screen, page) => {
        if (!all && !DOCUMENTED.has(screen)) return;
        await page.getByTestId('busy-overlay').waitFor({ state: 'detached' });
        const file = `${OUT}kiosk-${RENAMED[screen] && !all ? RENAMED[screen] : screen}-${sizeName(size)}.png`;
        await page.screenshot({ path: file, animations: 'disabled' });
        console.log(`  ${file}`);
      });
    }
  } finally {
    await browser.close();
    await demo.stop();
    await closed.stop();
    await many.stop();
  }
}

await main();
