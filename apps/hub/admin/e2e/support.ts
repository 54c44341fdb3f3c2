/** What the admin console's browser tests share: the build check, the hub with an admin user, a signed-in page. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { openPage, useHubAndBrowser, type HubAndBrowser, type TestHub } from '@layso/hub/testing';

export const ADMIN_INDEX = fileURLToPath(new URL('../dist/index.html', import.meta.url));
export const ADMIN_USER = 'quantri';
export const ADMIN_PASSWORD = 'mat-khau-quan-tri-1';
export const DESKTOP = { width: 1366, height: 768 } as const;
/** Shorter than the test timeout, so a stuck wait fails with its selector. */
export const WAIT_MS = 12_000;

/** Fails the suite at once, with the fix, instead of timeouts on a 503 page. */
export function requireAdminBuild(): void {
  if (!existsSync(ADMIN_INDEX)) {
    throw new Error(`apps/hub/admin/dist/index.html is missing: run pnpm build:web (or pnpm --filter @layso/hub build:admin) first`);
  }
}

export type AdminE2e = HubAndBrowser;

/** A demo-center hub with one admin user, and Chromium, for the file's tests. */
export function useAdminE2e(): AdminE2e {
  return useHubAndBrowser({ requireBuilt: requireAdminBuild, prepareHub: (hub) => createAdminUser(hub) });
}

/** The first admin, as `pnpm layso admin create` makes it. */
export async function createAdminUser(hub: TestHub, username = ADMIN_USER, password = ADMIN_PASSWORD, mustChange = false): Promise<void> {
  await hub.admin.admins.setPasswordFromCli(username, password, { mustChange });
}

/** Opens /admin and signs in through the form. */
export async function openAdmin(browser: Browser, hub: TestHub, viewport: { width: number; height: number } = DESKTOP): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, `${hub.url}/admin/`, viewport);
  opened.page.setDefaultTimeout(WAIT_MS);
  await signInThroughForm(opened.page);
  return opened;
}

export async function signInThroughForm(page: Page, username = ADMIN_USER, password = ADMIN_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('page-today').waitFor();
}

/** Goes to a console page through the navigation, as an admin would. */
export async function goTo(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await page.getByTestId(`page-${id}`).waitFor();
}

/** Issues a ticket at a kiosk over REST, as a citizen would; returns its number. */
export async function issueTicket(hub: TestHub, serviceId: string): Promise<string> {
  const response = await fetch(`${hub.url}/api/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${hub.token('kiosk')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId, requestId: crypto.randomUUID() }),
  });
  if (response.status !== 201) throw new Error(`issuing a ticket failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { number: string }).number;
}

/** A clerk's button at a counter (next, done, skip…), over REST. */
export async function counterAction(hub: TestHub, counter: number, action: string): Promise<void> {
  const response = await fetch(`${hub.url}/api/counters/${counter}/${action}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${hub.token('counter', counter)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ requestId: crypto.randomUUID() }),
  });
  if (!response.ok) throw new Error(`${action} at counter ${counter} failed: ${response.status} ${await response.text()}`);
}
