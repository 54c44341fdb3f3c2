import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDisk, launchBrowser, mountSmallDisk, startTestHub, type SmallDisk, type TestHub } from '@layso/hub/testing';
import { createAdminUser, openAdmin, requireAdminBuild } from './support.js';

/*
 * The console on a hub whose data folder is on an 8 MB tmpfs the test fills up: a
 * banner says the storage is full while it lasts and goes away by itself once the
 * space is back.
 */

let disk: SmallDisk = { ok: false, reason: 'not mounted yet' };
let hub: TestHub | null = null;
let browser: Browser | null = null;

beforeAll(async () => {
  requireAdminBuild();
  disk = mountSmallDisk();
  if (!disk.ok) return;
  hub = await startTestHub({ dataDir: join(disk.path, 'data') });
  await createAdminUser(hub);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  if (disk.ok) disk.unmount();
});

/** A kiosk's ticket over REST with a token made before the disk filled up (making one is a write too); returns the status. */
async function issue(token: string): Promise<number> {
  const response = await fetch(`${hub!.url}/api/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId: 'tu-phap', requestId: crypto.randomUUID() }),
  });
  return response.status;
}

describe('admin console: a full disk on the hub', () => {
  it('shows a banner while writes are refused, and drops it by itself once space is back', { timeout: 90_000 }, async (context) => {
    if (!disk.ok) return context.skip(disk.reason);
    const kiosk = hub!.token('kiosk');
    const { page, errors } = await openAdmin(browser!, hub!);
    await expect(page.getByTestId('storage-banner').count()).resolves.toBe(0);

    const filler = join(disk.path, 'filler');
    fillDisk(filler);
    // A kiosk's ticket is refused (nothing saved), which is what the hub's health then reports.
    expect(await issue(kiosk)).toBe(503);
    await page.reload();
    await page.getByTestId('page-today').waitFor();
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('Máy chủ hết dung lượng lưu trữ: máy lấy số không cấp được số mới');
    await expect(banner.getAttribute('role')).resolves.toBe('alert');

    rmSync(filler);
    // The next check (every 15 s) finds the hub writing again, with no reload.
    await banner.waitFor({ state: 'detached', timeout: 40_000 });
    expect(await issue(kiosk)).toBe(201);
    // The failed health answers (503) are expected; nothing else went wrong on the page.
    expect(errors.filter((e) => !/503/.test(e))).toEqual([]);
  });
});
