import { describe, expect, it } from 'vitest';
import { openPage } from '@layso/hub/testing';
import { DEFAULT_TIME_ZONE, formatTime } from '@layso/shared';
import { ADMIN_PASSWORD, createAdminUser, DESKTOP, signInThroughForm, useAdminE2e, WAIT_MS } from './support.js';

const env = useAdminE2e();

async function openSignIn() {
  const opened = await openPage(env.browser, `${env.hub.url}/admin/`, DESKTOP);
  opened.page.setDefaultTimeout(WAIT_MS);
  await opened.page.getByTestId('sign-in').waitFor();
  return opened;
}

describe('admin console: signing in and out', () => {
  it('refuses a wrong password, signs in, keeps the language choice, and signs out', async () => {
    const { page } = await openSignIn();
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('error-banner').textContent()).resolves.toContain('Tên đăng nhập hoặc mật khẩu không đúng.');

    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('page-today').waitFor();
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('quantri');
    // The live feed fills the dashboard: the demo center's services and counters.
    await page.getByTestId('today-service-tu-phap').waitFor();
    await page.getByTestId('live-status').filter({ hasText: 'Đang kết nối trực tiếp' }).waitFor();

    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Hôm nay' }).waitFor();

    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('layso.admin.session')!) as { token: string }).token);
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-in-notice').textContent()).resolves.toBe('Bạn đã đăng xuất.');
    const stored = await page.evaluate(() => localStorage.getItem('layso.admin.session'));
    expect(stored).toBeNull();
    // The hub forgot the session too: the old token no longer works.
    const after = await fetch(`${env.hub.url}/api/admin/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    await page.context().close();
  });

  it('returns to sign-in with a message when the hub ends the session', async () => {
    const { page } = await openSignIn();
    await signInThroughForm(page);
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('layso.admin.session')!) as { token: string }).token);
    // The session ends elsewhere (another tab signed out, or the idle limit passed).
    const ended = await fetch(`${env.hub.url}/api/admin/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(ended.ok).toBe(true);
    // The hub drops the session's socket; the console goes back to sign-in by itself,
    // without waiting for its next HTTP call.
    await page.getByTestId('sign-in-notice').waitFor();
    await expect(page.getByTestId('sign-in-notice').textContent()).resolves.toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    await page.context().close();
  });

  it('makes an admin with a one-time password choose a new one first', async () => {
    await createAdminUser(env.hub, 'canbo-moi', 'mot-lan-duy-nhat', true);
    const { page } = await openSignIn();
    await signInForm(page, 'canbo-moi', 'mot-lan-duy-nhat');
    await page.getByTestId('change-password').waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill('mot-lan-duy-nhat');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await page.getByText('Mật khẩu mới cần ít nhất 10 ký tự.').waitFor();
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('page-today').waitFor();

    // The new password is the one that works now.
    const signIn = await fetch(`${env.hub.url}/api/admin/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'canbo-moi', password: 'mat-khau-moi-2026' }),
    });
    expect(((await signIn.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
    await page.context().close();
  });

  it('shows the lockout after too many failed sign-ins', async () => {
    await createAdminUser(env.hub, 'hay-quen', 'mat-khau-dung-1');
    const { page } = await openSignIn();
    for (let i = 0; i < 5; i++) await signInForm(page, 'hay-quen', `sai-${i}`, 'error-banner');
    const refusal = await signInForm(page, 'hay-quen', 'mat-khau-dung-1', 'error-banner');
    // The banner shows the hub's structured end of the lock as HH:mm in the center's time.
    const { error } = (await refusal.json()) as { error: { details: { lockedUntil: string } } };
    const at = formatTime(error.details.lockedUntil, DEFAULT_TIME_ZONE);
    await expect(page.getByTestId('error-banner').textContent()).resolves.toBe(`Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${at}.`);
    await page.context().close();
  });
});

async function signInForm(page: import('playwright-core').Page, username: string, password: string, waitFor?: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/admin/session') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const response = await answered;
  if (waitFor) await page.getByTestId(waitFor).waitFor();
  return response;
}
