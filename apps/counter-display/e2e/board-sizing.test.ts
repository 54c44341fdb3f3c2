import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { counterCommand, counterTile, issueTickets, openBoard, requireBuiltRenderer } from './support.js';

/**
 * The hall board on a 43–55" TV seen from 5–10 m (issue 17). Legibility rule of
 * thumb: ≥ 1 cm of letter height per 3–4 m of distance. A 50" 16:9 TV is 62 cm tall,
 * so at 1920×1080 one px is ≈ 0.58 mm: text read from 5 m (service names, captions,
 * headings) needs ≥ 28 px; the numbers a citizen looks for from the back of the
 * hall (10 m, ≥ 2.5 cm cap height) ≥ 80 px. A 1366×768 TV of the same size has
 * larger pixels, so the same physical sizes are the same share of the height.
 */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;
const SECONDARY_PX_AT_1080 = 28;
const NUMBER_PX_AT_1080 = 80;
const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Selector → minimum font size (px at 1080 lines). */
const MINIMUMS: Record<string, number> = {
  '.board-center-name': SECONDARY_PX_AT_1080,
  '.board-areas': SECONDARY_PX_AT_1080,
  '.board-clock': SECONDARY_PX_AT_1080,
  '.board-title': SECONDARY_PX_AT_1080,
  '.tile-caption': SECONDARY_PX_AT_1080,
  '.tile-services': SECONDARY_PX_AT_1080,
  '.calls-head span': SECONDARY_PX_AT_1080,
  '.tile-counter': NUMBER_PX_AT_1080 * 0.7,
  '.tile-number': NUMBER_PX_AT_1080,
  '.call-row .call-number': NUMBER_PX_AT_1080 * 0.7,
  '.call-row.is-newest .call-number': NUMBER_PX_AT_1080,
};

interface Measured {
  selector: string;
  smallest: number;
  count: number;
}

function measure(page: Page): Promise<Measured[]> {
  return page.evaluate((selectors) => {
    return selectors.map((selector) => {
      const sizes = [...document.querySelectorAll(selector)].map((el) => parseFloat(getComputedStyle(el).fontSize));
      return { selector, smallest: sizes.length ? Math.min(...sizes) : 0, count: sizes.length };
    });
  }, Object.keys(MINIMUMS));
}

/** Every text element that is cut off or sticks out of its tile, panel or the screen. */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const board = document.querySelector('[data-testid=board]')!;
    if (board.scrollHeight > vh + 1 || board.scrollWidth > vw + 1) problems.push(`board ${board.scrollWidth}×${board.scrollHeight}`);
    for (const tile of document.querySelectorAll('.counter-tile')) {
      if (tile.scrollHeight > tile.clientHeight + 1) problems.push(`tile ${tile.getAttribute('data-testid')} content ${tile.scrollHeight} px in ${tile.clientHeight} px`);
    }
    const texts = document.querySelectorAll(
      '.board-center-name, .board-areas, .board-clock, .board-title, .tile-caption, .tile-counter, .tile-number, .tile-services, .calls-head span, .call-row > span',
    );
    for (const el of texts) {
      const box = el.getBoundingClientRect();
      const name = `${el.className} "${(el.textContent ?? '').slice(0, 30)}"`;
      // Cut off: wider than its box (an ellipsis), or more lines than its box shows.
      const clips = getComputedStyle(el).overflow !== 'visible';
      if (el.scrollWidth > el.clientWidth + 1 || (clips && el.scrollHeight > el.clientHeight + 2)) {
        problems.push(`${name} cut off (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
      const container = el.closest('.counter-tile, .recent-calls, .board-header');
      if (container) {
        const c = container.getBoundingClientRect();
        if (box.left < c.left - 1 || box.right > c.right + 1 || box.top < c.top - 1 || box.bottom > c.bottom + 1) problems.push(`${name} outside its panel`);
      }
      if (box.right > vw + 1 || box.bottom > vh + 1) problems.push(`${name} off screen`);
    }
    return problems;
  });
}

describe('hall board sizing for a TV seen from 5–10 m', { timeout: 90_000 }, () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltRenderer();
    mkdirSync(SCREENSHOTS, { recursive: true });
    hub = await startTestHub();
    browser = await launchBrowser();
    await issueTickets(hub, 'cong-an-xnc', 8);
    await issueTickets(hub, 'dat-dai', 3);
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 86, 'next');
    await counterCommand(hub, 66, 'next');
    await counterCommand(hub, 11, 'next');
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  for (const query of ['?area=tang-3', '?area=tang-1']) {
    for (const size of SIZES) {
      it(`${query} at ${size.width}×${size.height}: every text at least its size, nothing cut off`, async () => {
        const { page } = await openBoard(browser, hub, `${query}&mute=1`, size);
        await counterTile(page, query.includes('tang-3') ? 86 : 11, query.includes('tang-3') ? '86002' : '11001');
        const scale = size.height / 1080;
        const measured = await measure(page);
        console.info(`board ${query} ${size.width}×${size.height}: ${measured.map((m) => `${m.selector} ${m.smallest.toFixed(1)}px`).join(', ')}`);
        for (const m of measured) {
          if (m.count === 0) continue;
          expect(m.smallest, `${m.selector} at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(Math.floor(MINIMUMS[m.selector]! * scale));
        }
        expect(measured.find((m) => m.selector === '.tile-services')!.count).toBeGreaterThan(0);
        expect(await overflows(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}board-${query.slice(6)}-${size.width}x${size.height}.png` });
        await page.close();
      });
    }
  }
});
