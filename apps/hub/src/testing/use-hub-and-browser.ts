import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startTestHub, type TestHub } from './start-test-hub.js';

/** The real hub and the headless Chromium an app's browser-test file runs against. */
export interface HubAndBrowser {
  hub: TestHub;
  browser: Browser;
}

export interface HubAndBrowserOptions {
  /** Fails the file at once when the app's build is missing (before anything starts). */
  requireBuilt(): void;
  /** Runs on the new hub before Chromium starts (e.g. an admin user). */
  prepareHub?(hub: TestHub): Promise<void>;
  /** More Chromium flags (e.g. a fake microphone). */
  browserArgs?: readonly string[];
}

/**
 * Starts a demo-center hub and Chromium before the file's tests and stops both after.
 * `hub` may be replaced by a test that restarts the hub; the new one is stopped.
 */
export function useHubAndBrowser(options: HubAndBrowserOptions): HubAndBrowser {
  const env = {} as HubAndBrowser;
  beforeAll(async () => {
    options.requireBuilt();
    env.hub = await startTestHub();
    await options.prepareHub?.(env.hub);
    env.browser = await launchBrowser(options.browserArgs);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.hub?.stop();
  });
  return env;
}
