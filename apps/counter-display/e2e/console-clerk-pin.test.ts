import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, useHubAndBrowser } from '@layso/hub/testing';
import { formatTime } from '@layso/shared';
import type { Response as PlaywrightResponse } from 'playwright-core';
import { issueTickets, requireBuiltRenderer, VIEWPORTS, WAIT_MS } from './support.js';

/** With clerks configured at the hub, the console asks for clerk code + PIN instead of a name. */
describe('clerk sign-in with code and PIN', () => {
  const env = useHubAndBrowser({ requireBuilt: requireBuiltRenderer });

  beforeAll(async () => {
    const created = await fetch(`${env.hub.url}/api/admin/clerks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${env.hub.token('admin')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'an01', name: 'Nguyễn Văn An', pin: '2468' }),
    });
    expect(created.status).toBe(201);
    await issueTickets(env.hub, 'cong-an-xnc', 1);
  });

  it('refuses a wrong PIN, signs in with the right one, and the called ticket records the clerk code', async () => {
    const { page, errors } = await openPage(env.browser, `${env.hub.url}/counter#token=${encodeURIComponent(env.hub.token('counter', 86))}`, VIEWPORTS.console);
    page.setDefaultTimeout(WAIT_MS);
    await page.waitForSelector('[data-testid=clerk-pin-sign-in]');
    expect(await page.textContent('[data-testid=clerk-pin-sign-in]')).toContain('Mã cán bộ');
    expect(await page.$('input[name=clerk]')).toBeNull();

    await page.fill('input[name=clerk-code]', 'an01');
    await page.fill('input[name=clerk-pin]', '1111');
    await page.click('[data-testid=clerk-pin-sign-in] button[type=submit]');
    await page.waitForSelector('[data-testid=clerk-sign-in-error]:has-text("Sai mã cán bộ hoặc mã PIN")');
    expect(await page.inputValue('input[name=clerk-pin]')).toBe('');

    await page.fill('input[name=clerk-pin]', '2468');
    await page.click('[data-testid=clerk-pin-sign-in] button[type=submit]');
    await page.waitForSelector('[data-testid=console]');
    expect(await page.textContent('[data-testid=clerk-name]')).toBe('Nguyễn Văn An');
    await page.click('[data-testid=action-next]:not([disabled])');
    await page.waitForFunction(() => document.querySelector('[data-testid=console]')?.textContent?.includes('86001'));
    const row = env.hub.db.prepare("SELECT clerk FROM tickets WHERE number = '86001'").get() as { clerk: string };
    expect(row.clerk).toBe('an01');

    // A reload keeps the clerk signed in (the hub remembers); "Đổi cán bộ" signs out.
    await page.reload();
    await page.waitForSelector('[data-testid=console]');
    await page.click('.console-clerk button.link-button');
    await page.waitForSelector('[data-testid=clerk-pin-sign-in]');
    const status = await fetch(`${env.hub.url}/api/counters/86/clerk`, { headers: { Authorization: `Bearer ${env.hub.token('counter', 86)}` } });
    expect(await status.json()).toEqual({ required: true, clerk: null });
    // The wrong PIN's 401 is logged by the browser itself; nothing else may be.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('after 5 wrong PINs says until when the clerk is locked, as HH:mm from the hub\'s details', async () => {
    const created = await fetch(`${env.hub.url}/api/admin/clerks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${env.hub.token('admin')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'hoa02', name: 'Trần Thị Hoa', pin: '1357' }),
    });
    expect(created.status).toBe(201);
    const { page } = await openPage(env.browser, `${env.hub.url}/counter#token=${encodeURIComponent(env.hub.token('counter', 86))}`, VIEWPORTS.console);
    page.setDefaultTimeout(WAIT_MS);
    await page.waitForSelector('[data-testid=clerk-pin-sign-in]');
    await page.fill('input[name=clerk-code]', 'hoa02');
    let last: PlaywrightResponse | null = null;
    for (let i = 0; i < 5; i++) {
      await page.fill('input[name=clerk-pin]', '0000');
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/counters/86/clerk') && r.request().method() === 'POST');
      await page.click('[data-testid=clerk-pin-sign-in] button[type=submit]');
      last = await answered;
    }
    const body = (await last!.json()) as { error: { code: string; details: { lockedUntil: string } } };
    expect(body.error.code).toBe('ACCOUNT_LOCKED');
    const catalog = (await (await fetch(`${env.hub.url}/api/catalog`, { headers: { Authorization: `Bearer ${env.hub.token('counter', 86)}` } })).json()) as {
      center: { timeZone: string };
    };
    const at = formatTime(body.error.details.lockedUntil, catalog.center.timeZone);
    await page.waitForSelector(`[data-testid=clerk-sign-in-error]:has-text("Vui lòng thử lại sau ${at}.")`);
    expect(await page.textContent('[data-testid=clerk-sign-in-error]')).toBe(`Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau ${at}.`);
    await page.context().close();
  });
});
