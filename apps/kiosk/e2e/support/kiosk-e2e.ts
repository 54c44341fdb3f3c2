import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { assertKioskBuilt } from './kiosk-build.js';

/** The real hub and the headless Chromium a kiosk e2e file runs against. */
export interface KioskE2e {
  hub: TestHub;
  browser: Browser;
}

/**
 * Starts a demo-center hub and Chromium before the file's tests and stops both after.
 * `hub` may be replaced by a test that restarts the hub; the new one is stopped.
 */
export function useKioskE2e(): KioskE2e {
  const env = {} as KioskE2e;
  beforeAll(async () => {
    assertKioskBuilt();
    env.hub = await startTestHub();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.hub?.stop();
  });
  return env;
}
