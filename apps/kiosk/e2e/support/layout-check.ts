/**
 * What a citizen can reach on the screen the kiosk shows now, checked in the page:
 * every enabled button can be brought into view by scrolling that a finger can do,
 * is not covered by anything at its centre or edges, and is at least 48 px both ways;
 * every line of text can be brought into view and is not covered or cut off; and a
 * list that scrolls says so ("Kéo xuống để xem thêm").
 *
 * The check runs as a plain script string: functions compiled by the test runner may
 * carry helpers (esbuild's `__name`) that do not exist in the page.
 */
import type { Page } from 'playwright-core';

export const MIN_TARGET_PX = 48;

const CHECK = String.raw`(() => {
  const MIN = ${MIN_TARGET_PX};
  const problems = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const name = (el) => {
    const id = el.getAttribute('data-testid');
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return (id ? '[' + id + '] ' : '') + '"' + text + '"';
  };
  const userScrollable = (el) => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowY) || ['auto', 'scroll'].includes(style.overflowX);
  };
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const hits = (el, x, y) => {
    const top = document.elementFromPoint(x, y);
    return top !== null && (top === el || el.contains(top));
  };
  const coveredBy = (x, y) => {
    const top = document.elementFromPoint(x, y);
    return top ? top.tagName.toLowerCase() + (top.className ? '.' + String(top.className).split(' ').join('.') : '') + ' ' + name(top) : 'nothing (off screen)';
  };
  const inViewport = (r) => r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
  // Scrolls el into view the way scrollIntoViewIfNeeded does, then undoes any scroll
  // of a box a finger cannot scroll (overflow hidden): such a scroll does not count.
  const bringIntoView = (el) => {
    el.scrollIntoViewIfNeeded(true);
    let cheated = false;
    for (let box = el.parentElement; box; box = box.parentElement) {
      if ((box.scrollTop !== 0 || box.scrollLeft !== 0) && !userScrollable(box)) {
        cheated = true;
        box.scrollTop = 0;
        box.scrollLeft = 0;
      }
    }
    if (window.scrollX !== 0 || window.scrollY !== 0) {
      cheated = true;
      window.scrollTo(0, 0);
    }
    return !cheated;
  };

  const buttons = [...document.querySelectorAll('button')].filter(visible);
  let checkedButtons = 0;
  for (const el of buttons) {
    if (el.disabled) continue;
    checkedButtons++;
    if (!bringIntoView(el)) {
      problems.push('button ' + name(el) + ' can only be reached by scrolling a box that does not scroll');
      continue;
    }
    const r = el.getBoundingClientRect();
    if (r.width < MIN || r.height < MIN) problems.push('button ' + name(el) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px, under ' + MIN + ' px');
    if (!inViewport(r)) {
      problems.push('button ' + name(el) + ' is not fully on screen after scrolling (' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',') + ' in ' + vw + '×' + vh + ')');
      continue;
    }
    const inset = Math.min(6, r.width / 4, r.height / 4);
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + inset, r.top + r.height / 2],
      [r.right - inset, r.top + r.height / 2],
      [r.left + r.width / 2, r.top + inset],
      [r.left + r.width / 2, r.bottom - inset],
    ];
    for (const [x, y] of points) {
      if (!hits(el, x, y)) {
        problems.push('button ' + name(el) + ' is covered at (' + Math.round(x) + ',' + Math.round(y) + ') by ' + coveredBy(x, y));
        break;
      }
    }
  }

  // Every piece of text: elements holding text of their own.
  const texts = [...document.querySelectorAll('.kiosk *')].filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== ''));
  for (const el of texts) {
    if (!bringIntoView(el)) {
      problems.push('text ' + name(el) + ' can only be reached by scrolling a box that does not scroll');
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    if (!inViewport(r)) {
      problems.push('text ' + name(el) + ' is cut off by the screen edge (' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',') + ' in ' + vw + '×' + vh + ')');
      continue;
    }
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (!hits(el, x, y)) problems.push('text ' + name(el) + ' is covered or clipped at (' + Math.round(x) + ',' + Math.round(y) + ') by ' + coveredBy(x, y));
  }

  // A list that scrolls shows that it does, with arrows a finger can use.
  for (const el of document.querySelectorAll('.kiosk *')) {
    if (!userScrollable(el) || !visible(el)) continue;
    const overflows = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    if (!overflows) continue;
    const area = el.closest('[data-testid="scroll-area"]');
    const hint = area && area.querySelector('[data-testid="scroll-more"]');
    if (!hint || !visible(hint)) problems.push('box ' + name(el).slice(0, 60) + ' scrolls (' + el.scrollHeight + ' px in ' + el.clientHeight + ') without a visible scroll hint');
  }

  // Leave the screen as the citizen would see it first.
  for (const el of document.querySelectorAll('.kiosk *')) {
    if (el.scrollTop !== 0) el.scrollTop = 0;
  }
  return { problems, checkedButtons };
})()`;

export interface LayoutReport {
  problems: string[];
  checkedButtons: number;
}

export async function checkLayout(page: Page): Promise<LayoutReport> {
  // Nothing may be moving: transitions and the busy cover would make points lie.
  await page.getByTestId('busy-overlay').waitFor({ state: 'detached' });
  return (await page.evaluate(CHECK)) as LayoutReport;
}
