/** Opens the hub-served kiosk page in headless Chromium, provisioned with a kiosk token. */
import type { Browser, Page } from 'playwright-core';
import { openPage } from '@layso/hub/testing';

export interface KioskTarget {
  url: string;
  token(role: 'kiosk'): string;
}

export interface OpenKioskOptions {
  /** URL query, e.g. { idleMs: '2000' }. */
  params?: Record<string, string>;
  /** Runs before the page's own scripts (a fake `window.layso`, for example). */
  initScript?: string;
  token?: string;
  /** The screen size (CSS px); the floor stand's 1080×1920 by default. */
  viewport?: { width: number; height: number };
}

export function kioskUrl(hubUrl: string, token: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${hubUrl}/kiosk/${query ? `?${query}` : ''}#token=${encodeURIComponent(token)}`;
}

export async function openKiosk(browser: Browser, hub: KioskTarget, options: OpenKioskOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const url = kioskUrl(hub.url, options.token ?? hub.token('kiosk'), options.params);
  if (!options.initScript) {
    const opened = await openPage(browser, url, options.viewport);
    await opened.page.getByTestId('home-screen').waitFor();
    return opened;
  }
  // openPage navigates at once; an init script must be installed before that.
  const { page, errors } = await openPage(browser, 'about:blank', options.viewport);
  await page.addInitScript(options.initScript);
  await page.goto(url);
  await page.getByTestId('home-screen').waitFor();
  return { page, errors };
}
