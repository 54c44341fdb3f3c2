import { describe, expect, it } from 'vitest';
import { openAdmin, useAdminE2e } from './support.js';

const env = useAdminE2e();

describe('admin console: the LAN transport', () => {
  it('warns on every page while the LAN is plain HTTP only', async () => {
    const { page } = await openAdmin(env.browser, env.hub);
    const notice = page.getByTestId('lan-plain-http');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Mạng nội bộ đang dùng HTTP không mã hóa');
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('page-devices').waitFor();
    await expect(page.getByTestId('lan-plain-http').isVisible()).resolves.toBe(true);
  });
});
