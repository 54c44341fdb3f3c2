import { describe, expect, it } from 'vitest';
import { validSettings } from '../test-support.js';
import { forwardScansToKioskPage } from './scan-forwarding.js';
import type { ScannerPortLike } from './scanner-driver.js';

/** An in-memory port: opens at once and lets the test push bytes as the scanner would. */
function fakePort() {
  const listeners: Record<string, ((arg?: unknown) => void)[]> = {};
  const port: ScannerPortLike & { feed(text: string): void } = {
    isOpen: false,
    open(callback) {
      (port as { isOpen: boolean }).isOpen = true;
      callback(null);
    },
    close(callback) {
      (port as { isOpen: boolean }).isOpen = false;
      callback(null);
    },
    on(event: string, listener: (arg: never) => void) {
      (listeners[event] ??= []).push(listener as (arg?: unknown) => void);
      return port;
    },
    feed(text) {
      for (const listener of listeners.data ?? []) listener(Buffer.from(text));
    },
  };
  return port;
}

describe('forwardScansToKioskPage', () => {
  it('starts nothing without a configured scanner', () => {
    const driver = forwardScansToKioskPage({
      settings: () => validSettings({ scanner: null }),
      window: { webContents: { getURL: () => '', send: () => {}, isDestroyed: () => false } },
      isKioskPage: () => true,
      log: () => {},
    });
    expect(driver).toBeNull();
  });

  it('sends scans on the scan event only while the hub kiosk page is shown', async () => {
    const port = fakePort();
    const sent: unknown[][] = [];
    let url = 'http://hub/kiosk/';
    const driver = forwardScansToKioskPage({
      settings: () => validSettings({ scanner: '/dev/ttyACM0' }),
      window: { webContents: { getURL: () => url, send: (...args) => sent.push(args), isDestroyed: () => false } },
      isKioskPage: (u) => u.startsWith('http://hub/'),
      log: () => {},
      factory: () => port,
    });
    port.feed('first\r\n');
    url = 'file:///settings.html';
    port.feed('second\r\n');
    expect(sent).toEqual([['scanner-scan', 'first']]);
    await driver!.stop();
  });
});
