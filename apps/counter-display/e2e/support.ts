import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newRequestId } from '@layso/shared/client';
import { launchBrowser, openPage, startTestHub, type TestHub } from '@layso/hub/testing';

/** What the browser tests need on disk: the renderer the hub serves at /counter, /door, /board. */
export const DIST_INDEX = fileURLToPath(new URL('../dist/index.html', import.meta.url));

/** Fails the suite at once, with the fix, instead of 30 s of timeouts on a 503 page. */
export function requireBuiltRenderer(): void {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(`apps/counter-display/dist/index.html is missing: run pnpm build:web (or npx vite build in apps/counter-display) first`);
  }
}

/** A built renderer, a real test hub and headless chromium: what every browser test file starts with. */
export async function startHubAndBrowser(): Promise<{ hub: TestHub; browser: Browser }> {
  requireBuiltRenderer();
  const hub = await startTestHub();
  try {
    return { hub, browser: await launchBrowser() };
  } catch (error) {
    await hub.stop();
    throw error;
  }
}

/** The other end of startHubAndBrowser (either may be missing when the setup failed half-way). */
export async function closeHubAndBrowser(hub: TestHub | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await hub?.stop();
}

/** Shorter than the test timeout, so a stuck wait fails with its selector rather than "test timed out". */
export const WAIT_MS = 12_000;

export const VIEWPORTS = {
  console: { width: 1366, height: 768 },
  door: { width: 1280, height: 720 },
  doorSmall: { width: 800, height: 480 },
  board: { width: 1920, height: 1080 },
  boardPortrait: { width: 1080, height: 1920 },
} as const;

export interface AnnouncementRecord {
  clips: string[];
  at: number;
}

/** Issues tickets at a kiosk over REST, as a citizen would; returns their numbers. */
export async function issueTickets(hub: TestHub, serviceId: string, count: number, priority?: string): Promise<string[]> {
  const token = hub.token('kiosk');
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ serviceId, requestId: newRequestId(), ...(priority ? { priority } : {}) }),
    });
    if (response.status !== 201) throw new Error(`issuing a ticket failed: ${response.status} ${await response.text()}`);
    numbers.push(((await response.json()) as { number: string }).number);
  }
  return numbers;
}

/** A counter command over REST (another clerk, or the keypad), for setting up a scene. */
export async function counterCommand(hub: TestHub, counter: number, command: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${hub.url}/api/counters/${counter}/${command}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${hub.token('counter', counter)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ requestId: newRequestId(), ...body }),
  });
  if (!response.ok) throw new Error(`${command} at counter ${counter} failed: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function counterQueue(hub: TestHub, counter: number): Promise<{ waiting: { number: string; serviceId: string }[] }> {
  const response = await fetch(`${hub.url}/api/counters/${counter}/queue`, { headers: { Authorization: `Bearer ${hub.token('counter', counter)}` } });
  return (await response.json()) as { waiting: { number: string; serviceId: string }[] };
}

/** The clerk's console of `counter`, opened from its provisioning link and signed in. */
export async function openConsole(browser: Browser, hub: TestHub, counter: number, clerk = 'Nguyễn Văn An'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, `${hub.url}/counter#token=${encodeURIComponent(hub.token('counter', counter))}`, VIEWPORTS.console);
  opened.page.setDefaultTimeout(WAIT_MS);
  await opened.page.fill('input[name=clerk]', clerk);
  await opened.page.click('[data-testid=sign-in] button[type=submit]');
  await opened.page.waitForSelector('[data-testid=console]');
  // Buttons come alive once the queue has loaded.
  await opened.page.waitForSelector('[data-testid=action-pause]:not([disabled])');
  return opened;
}

export async function openDoor(browser: Browser, hub: TestHub, counter: number, viewport: { width: number; height: number } = VIEWPORTS.door) {
  const opened = await openPage(browser, `${hub.url}/door?counter=${counter}#token=${encodeURIComponent(hub.token('display'))}`, viewport);
  opened.page.setDefaultTimeout(WAIT_MS);
  return opened;
}

export async function openBoard(browser: Browser, hub: TestHub, query: string, viewport: { width: number; height: number } = VIEWPORTS.board) {
  const opened = await openPage(browser, `${hub.url}/board${query}#token=${encodeURIComponent(hub.token('display'))}`, viewport);
  opened.page.setDefaultTimeout(WAIT_MS);
  await opened.page.waitForSelector('[data-testid=board]');
  return opened;
}

/**
 * Makes a page behave like a desktop browser's autoplay policy: audio contexts stay
 * suspended until the user has clicked the page. Headless Chromium allows autoplay
 * whatever --autoplay-policy says, so the policy is emulated in the page. A gesture
 * is a trusted pointer or key event, not navigator.userActivation: Playwright's own
 * evaluations (waitForSelector polling) count as user activation there.
 */
export async function emulateAutoplayBlocking(context: BrowserContext): Promise<void> {
  // Plain JavaScript source: a function would be transpiled for Node first, and class
  // fields may come out as calls to helpers that do not exist in the page.
  await context.addInitScript({
    content: `(() => {
      const Native = window.AudioContext;
      const blocked = new WeakSet();
      let gesture = false;
      for (const type of ['pointerdown', 'keydown']) {
        window.addEventListener(type, (event) => { if (event.isTrusted) gesture = true; }, true);
      }
      const activated = () => gesture;
      class BlockedUntilGesture extends Native {
        constructor(options) {
          super(options);
          if (!activated()) {
            blocked.add(this);
            Native.prototype.suspend.call(this);
          }
        }
        get state() {
          return blocked.has(this) ? 'suspended' : super.state;
        }
        resume() {
          if (!activated()) return Promise.resolve();
          blocked.delete(this);
          return super.resume();
        }
      }
      window.AudioContext = BlockedUntilGesture;
    })();`,
  });
}

export function announcements(page: Page): Promise<AnnouncementRecord[]> {
  return page.evaluate(() => (window as unknown as { __laysoAnnouncements?: AnnouncementRecord[] }).__laysoAnnouncements ?? []);
}

/**
 * Waits until the page has announced at least `count` calls and returns them all.
 * An announcement is recorded when it starts, and an unmuted board plays each one
 * to its end (about 5 s) before the next: queued calls take a while.
 */
export async function waitForAnnouncements(page: Page, count: number, timeout = 30_000): Promise<AnnouncementRecord[]> {
  await page.waitForFunction((n) => ((window as unknown as { __laysoAnnouncements?: unknown[] }).__laysoAnnouncements ?? []).length >= n, count, { timeout });
  return announcements(page);
}

export function counterTile(page: Page, counter: number, current: string) {
  return page.waitForSelector(`[data-testid=board-counter-${counter}][data-current="${current}"]`);
}

/** Indices of `sub` appearing in order inside `list` (not necessarily adjacent), or null. */
export function inOrder(list: readonly string[], sub: readonly string[]): boolean {
  let from = 0;
  for (const item of sub) {
    const index = list.indexOf(item, from);
    if (index < 0) return false;
    from = index + 1;
  }
  return true;
}
