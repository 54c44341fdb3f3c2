import { describe, expect, it } from 'vitest';
import { cspViolations, openPageWithShellCsp } from '@layso/hub/testing';
import { useKioskE2e } from './support/kiosk-e2e.js';
import { kioskUrl } from './support/open-kiosk.js';

/** The kiosk page under the Content-Security-Policy its shell adds (hub-csp.ts): a citizen still gets a number. */
describe('kiosk page under the shell\'s own CSP', { timeout: 60_000 }, () => {
  const env = useKioskE2e();

  it('issues a ticket with no violation', async () => {
    const opened = await openPageWithShellCsp(env.browser, kioskUrl(env.hub.url, env.hub.token('kiosk')));
    const { page } = opened;
    await page.getByTestId('home-screen').waitFor();
    await page.getByTestId('area-button-tang-3').click();
    await page.getByTestId('service-button-cong-an-xnc').click();
    expect(await page.getByTestId('ticket-number').textContent()).toMatch(/^86\d{3}$/);
    expect(opened.policiesAdded()).toBeGreaterThan(0);
    expect(cspViolations(opened.errors)).toEqual([]);
    await opened.close();
  });
});
