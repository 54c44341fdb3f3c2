import { describe, expect, it } from 'vitest';
import { formatDateTime, serviceDay } from '@layso/shared';
import { ADMIN_PASSWORD, ADMIN_USER, createAdminUser, goTo, openAdmin, useAdminE2e } from './support.js';

const env = useAdminE2e();

/** Signs in over REST, as the console does, and returns the session token. */
async function session(username: string, password: string): Promise<string> {
  const response = await fetch(`${env.hub.url}/api/admin/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function call(token: string, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${env.hub.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
}

describe('admin console: the audit log in plain words', () => {
  it('writes each entry as a sentence with names and local time, and filters by person, kind and day', async () => {
    await createAdminUser(env.hub, 'lan', 'mat-khau-cua-lan-1');
    await call(await session(ADMIN_USER, ADMIN_PASSWORD), 'PUT', '/api/admin/services/visa', { dailyLimit: 1 });
    await call(await session('lan', 'mat-khau-cua-lan-1'), 'POST', '/api/admin/services/thue/pause');

    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'audit');
    const list = page.getByTestId('audit-list');
    await list.waitFor();
    const all = (await list.textContent()) ?? '';
    expect(all).toContain('Đổi giới hạn số trong ngày của Visa: 999 → 1');
    expect(all).toContain('Tạm dừng cấp số lĩnh vực Thuế');
    expect(all).toContain('Đăng nhập trang quản trị');
    // Names and words, not codes, ids or JSON; the time as dd/MM/yyyy HH:mm in the center's time.
    expect(all).not.toMatch(/admin-user:|service\.update|admin:quantri|dailyLimit|\{"/);
    const visaRow = list.locator('tr', { hasText: 'Visa: 999 → 1' });
    const now = Date.now();
    const hcm = 'Asia/Ho_Chi_Minh';
    await expect(visaRow.locator('td').nth(0).textContent()).resolves.toMatch(new RegExp(`^${formatDateTime(now, hcm).slice(0, 10)} \\d{2}:\\d{2}$`));
    await expect(visaRow.locator('td').nth(1).textContent()).resolves.toBe('quantri');

    // Only lan's entries.
    await page.getByLabel('Người thực hiện').selectOption({ label: 'lan' });
    await page.getByTestId('audit-apply').click();
    await expect.poll(async () => (await list.textContent()) ?? '').not.toContain('Visa: 999 → 1');
    expect(await list.textContent()).toContain('Tạm dừng cấp số lĩnh vực Thuế');

    // quantri's service changes only: no sign-ins.
    await page.getByLabel('Người thực hiện').selectOption({ label: 'quantri' });
    await page.getByLabel('Loại thao tác').selectOption({ label: 'Lĩnh vực' });
    await page.getByTestId('audit-apply').click();
    await expect.poll(async () => (await list.locator('tbody tr').count())).toBe(1);
    expect(await list.textContent()).toContain('Đổi giới hạn số trong ngày của Visa: 999 → 1');

    // From tomorrow on: nothing yet.
    const tomorrow = serviceDay(now + 86_400_000, hcm);
    const [y, m, d] = tomorrow.split('-');
    await page.getByLabel('Từ ngày').fill(`${d}/${m}/${y}`);
    await page.getByTestId('audit-apply').click();
    await page.getByText('Chưa có mục nào.').waitFor();

    // In English, the same entry in English.
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await page.getByTestId('language-toggle').click();
    await expect.poll(async () => (await list.textContent()) ?? '').toContain('Changed the daily limit of Visa: 999 → 1');
  });
});
