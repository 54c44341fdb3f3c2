import { waitFor } from '@layso/electron-shell/testing';
import { FakeSerialDevice } from '@layso/electron-shell/testing/serial';
import { describe, expect, it } from 'vitest';
import { validSettings } from '../test-support.js';
import { forwardScansToKioskPage } from './scan-forwarding.js';

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
    const scanner = new FakeSerialDevice();
    const sent: unknown[][] = [];
    let url = 'http://hub/kiosk/';
    const driver = forwardScansToKioskPage({
      settings: () => validSettings({ scanner: '/dev/ttyACM0' }),
      window: { webContents: { getURL: () => url, send: (...args) => sent.push(args), isDestroyed: () => false } },
      isKioskPage: (u) => u.startsWith('http://hub/'),
      log: () => {},
      factory: scanner.factory,
    });
    await waitFor('the scanner port to open', () => scanner.openPort);
    scanner.receive('first\r\n');
    url = 'file:///settings.html';
    scanner.receive('second\r\n');
    expect(sent).toEqual([['scanner-scan', 'first']]);
    await driver!.stop();
    expect(scanner.openPort).toBeUndefined();
  });
});
