import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withHubCsp } from '@layso/electron-shell';

/**
 * A hub page in Chromium with the Content-Security-Policy the Electron shells add to
 * hub documents (packages/electron-shell/src/hub-trust/hub-csp.ts, the same function their
 * onHeadersReceived calls). Violations are logged as console errors (`errors`), so a
 * page the policy would break in a shell fails its test here.
 */
export async function openPageWithShellCsp(
  browser: Browser,
  url: string,
  viewport = { width: 1080, height: 1920 },
): Promise<{ page: Page; errors: string[]; context: BrowserContext; policiesAdded(): number; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const origin = new URL(url).origin;
  let policies = 0;
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const response = await route.fetch();
    const resourceType = request.resourceType() === 'document' ? 'mainFrame' : request.resourceType();
    const headers = withHubCsp({ url: request.url(), resourceType, responseHeaders: response.headers() }, origin) ?? {};
    if ('Content-Security-Policy' in headers) policies++;
    await route.fulfill({ response, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])) });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url);
  return {
    page,
    errors,
    context,
    policiesAdded: () => policies,
    async close() {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    },
  };
}

/** The console errors that are CSP violations. */
export function cspViolations(errors: readonly string[]): string[] {
  return errors.filter((error) => /CSP|Content Security Policy|Refused to/i.test(error));
}
