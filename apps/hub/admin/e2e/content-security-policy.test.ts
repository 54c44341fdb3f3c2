import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';

const BUILT = ['apps/kiosk/dist/index.html', 'apps/counter-display/dist/index.html', 'apps/hub/admin/dist/index.html'].map((path) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url)));
const WAIT_MS = 12_000;

/** Records CSP violations the page reports to itself (more than the console shows: also report-only and eval). */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '(inline)') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;

interface Opened {
  page: Page;
  /** Console errors and page errors. */
  errors: string[];
  cspHeader: string | undefined;
  violations(): Promise<string[]>;
}

async function open(browser: Browser, url: string, viewport = { width: 1366, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (answer) => {
    if (answer.status() >= 400) errors.push(`${answer.status()} ${answer.url()}`);
  });
  const response = await page.goto(url);
  return {
    page,
    errors,
    cspHeader: response?.headers()['content-security-policy'],
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

async function expectClean(opened: Opened): Promise<void> {
  expect(opened.cspHeader).toContain("frame-ancestors 'none'");
  expect(await opened.violations()).toEqual([]);
  expect(opened.errors).toEqual([]);
  await opened.page.context().close();
}

/** The built pages under the hub's Content-Security-Policy: they load and work with no violation. */
describe('the Content-Security-Policy and the built pages (real hub, Chromium)', { timeout: 90_000 }, () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    const missing = BUILT.filter((file) => !existsSync(file));
    if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')}: run pnpm build:web first`);
    hub = await startTestHub();
    await hub.admin.admins.setPasswordFromCli('quantri', 'mat-khau-quan-tri-1', { mustChange: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('the kiosk (its inline boot style allowed by hash) issues a ticket, and reloads', async () => {
    const opened = await open(browser, `${hub.url}/kiosk/#token=${encodeURIComponent(hub.token('kiosk'))}`, { width: 1080, height: 1920 });
    expect(opened.cspHeader).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    await opened.page.getByTestId('home-screen').waitFor();
    // The boot screen's inline style applied before the script replaced it: it was not blocked.
    await opened.page.getByTestId('area-button-tang-3').click();
    await opened.page.getByTestId('service-button-cong-an-xnc').click();
    expect(await opened.page.getByTestId('ticket-number').textContent()).toMatch(/^86\d{3}$/);
    // A reload revalidates the page (304): its inline boot style must stay allowed.
    await opened.page.reload();
    await opened.page.getByTestId('home-screen').waitFor();
    await expectClean(opened);
  });

  it('the admin console signs in and shows its pages', async () => {
    const opened = await open(browser, `${hub.url}/admin/`);
    await opened.page.getByLabel('Tên đăng nhập').fill('quantri');
    await opened.page.getByLabel('Mật khẩu').fill('mat-khau-quan-tri-1');
    await opened.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await opened.page.getByTestId('page-today').waitFor();
    for (const id of ['services', 'counters', 'devices', 'reports', 'settings', 'audit']) {
      await opened.page.getByTestId(`nav-${id}`).click();
      await opened.page.getByTestId(`page-${id}`).waitFor();
    }
    await expectClean(opened);
  });

  it('the hall board, the counter console, the door screen, the ticket page and the landing page', async () => {
    const issued = await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.token('kiosk')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ serviceId: 'cong-an-xnc', requestId: crypto.randomUUID() }),
    });
    const { number } = (await issued.json()) as { number: string };

    const board = await open(browser, `${hub.url}/board#token=${encodeURIComponent(hub.token('display'))}`, { width: 1920, height: 1080 });
    await board.page.waitForSelector('[data-testid=board]');
    await expectClean(board);

    const console_ = await open(browser, `${hub.url}/counter#token=${encodeURIComponent(hub.token('counter', 86))}`);
    await console_.page.fill('input[name=clerk]', 'Nguyễn Văn An');
    await console_.page.click('[data-testid=sign-in] button[type=submit]');
    await console_.page.waitForSelector('[data-testid=action-pause]:not([disabled])');
    await expectClean(console_);

    const door = await open(browser, `${hub.url}/door?counter=86#token=${encodeURIComponent(hub.token('display'))}`, { width: 1280, height: 800 });
    await door.page.waitForLoadState('networkidle');
    await expectClean(door);

    const ticket = await open(browser, `${hub.url}/t/${hub.core.currentDay}/${number}`, { width: 360, height: 640 });
    await ticket.page.waitForSelector('[data-testid=ticket-page][data-status=waiting]');
    await expectClean(ticket);

    const landing = await open(browser, `${hub.url}/`);
    expect(await landing.page.textContent('h1')).toBeTruthy();
    // Its inline style is allowed by hash, so it applies.
    expect(await landing.page.evaluate(() => getComputedStyle(document.body).marginTop)).not.toBe('8px');
    await expectClean(landing);
  });

  it('no other site can frame a hub page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => refused.push(message.text()));
    await page.setContent(`<iframe id="f" src="${hub.url}/admin/"></iframe>`);
    await expect.poll(() => refused.some((text) => /frame-ancestors/.test(text)), { timeout: WAIT_MS }).toBe(true);
    // The frame shows the browser's error page, not the console.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.evaluate(() => document.querySelector('#root') === null).catch(() => true)).toBe(true);
    await context.close();
  });
});
