import { useHubAndBrowser, type HubAndBrowser } from '@layso/hub/testing';
import { assertKioskBuilt } from './kiosk-build.js';

/** The real hub and the headless Chromium a kiosk e2e file runs against. */
export type KioskE2e = HubAndBrowser;

/**
 * Starts a demo-center hub and Chromium before the file's tests and stops both after.
 * `hub` may be replaced by a test that restarts the hub; the new one is stopped.
 */
export function useKioskE2e(): KioskE2e {
  return useHubAndBrowser({ requireBuilt: assertKioskBuilt });
}
