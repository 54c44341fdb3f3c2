import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startTestHub, type TestHub } from '@layso/hub/testing';
import { requireBuiltRenderer } from './support.js';

/** The real hub and the headless Chromium a counter-display e2e file runs against. */
export interface DisplayE2e {
  hub: TestHub;
  browser: Browser;
}

/**
 * Starts a demo-center hub and Chromium before the file's tests and stops both after
 * (kept apart from support.ts, which the screenshot and bench scripts import outside vitest).
 */
export function useDisplayE2e(): DisplayE2e {
  const env = {} as DisplayE2e;
  beforeAll(async () => {
    requireBuiltRenderer();
    env.hub = await startTestHub();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.hub?.stop();
  });
  return env;
}
