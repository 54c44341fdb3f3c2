import { describe, expect, it } from 'vitest';
import { goTo, openAdmin, useAdminE2e } from './support.js';

const env = useAdminE2e();

describe('admin console: refusals in plain Vietnamese', () => {
  it('a duplicate prefix is refused in Vietnamese words built from the reason, with no English from the hub', async () => {
    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'services');
    await page.getByTestId('add-service-tang-1').click();
    const form = page.getByTestId('service-form');
    await form.getByLabel('Mã').fill('lao-dong');
    await form.getByLabel('Tên', { exact: true }).fill('Lao động');
    await form.getByLabel('Tiền tố (XX)').fill('86');
    await form.getByTestId('service-save').click();

    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    const expected = 'Tiền tố 86 đã được dùng cho lĩnh vực «Công an tỉnh (XNC)».';
    await expect(banner.textContent()).resolves.toBe(expected);
    await expect(form.getByTestId('field-error-prefix').textContent()).resolves.toBe(expected);
    const shown = `${await banner.textContent()} ${await form.textContent()}`;
    expect(shown).not.toMatch(/already used|prefix 86|cong-an-xnc/);
    expect(env.hub.core.config.areas.flatMap((a) => a.services).some((s) => s.id === 'lao-dong')).toBe(false);

    // A field rule (an empty name) is worded by the console too, not by the validator.
    await form.getByLabel('Tiền tố (XX)').fill('95');
    await form.getByLabel('Tên', { exact: true }).fill('');
    await form.getByLabel('Tên', { exact: true }).evaluate((input: HTMLInputElement) => input.removeAttribute('required'));
    await form.getByTestId('service-save').click();
    await expect(form.getByTestId('field-error-name').textContent()).resolves.toBe('Cần ít nhất 1 ký tự.');

    // In English, the same refusal in English.
    await form.getByLabel('Tên', { exact: true }).fill('Lao động');
    await form.getByLabel('Tiền tố (XX)').fill('86');
    await page.getByTestId('language-toggle').click();
    await form.getByTestId('service-save').click();
    await expect
      .poll(() => banner.textContent())
      .toBe('Prefix 86 is already used by the service “Công an tỉnh (XNC)”.');
  });
});
