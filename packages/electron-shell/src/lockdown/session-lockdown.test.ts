import { describe, expect, it } from 'vitest';
import { FakeSession, preventable } from '../testing/fake-electron.js';
import { lockDownSession } from './session-lockdown.js';

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'serial', 'hid', 'usb', 'fullscreen', 'clipboard-read', 'display-capture', 'fileSystem', 'openExternal', 'speaker-selection', 'unknown'];

describe('session lockdown', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    lockDownSession(session);
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      session.permissionRequest!(null, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(session.permissionCheck!(null, permission, 'http://192.168.1.10:8080', {}), permission).toBe(false);
    }
    expect(session.devicePermission!({ deviceType: 'serial', origin: 'http://192.168.1.10:8080' })).toBe(false);
  });

  it('answers serial, HID and USB pickers with no device and screen capture with no stream', () => {
    const session = new FakeSession();
    lockDownSession(session);
    const serial = preventable();
    const picked: unknown[] = [];
    session.emit('select-serial-port', serial, [{ portId: 'COM3' }], {}, (id: string) => picked.push(['serial', id]));
    const hid = preventable();
    session.emit('select-hid-device', hid, { deviceList: [{ deviceId: 'kbd' }] }, (id?: string | null) => picked.push(['hid', id]));
    const usb = preventable();
    session.emit('select-usb-device', usb, { deviceList: [{ deviceId: 'drawer' }] }, (id?: string) => picked.push(['usb', id]));
    session.displayMedia!({}, (streams) => picked.push(['display', streams]));
    expect([serial.prevented, hid.prevented, usb.prevented]).toEqual([true, true, true]);
    expect(picked).toEqual([
      ['serial', ''],
      ['hid', null],
      ['usb', undefined],
      ['display', null],
    ]);
  });

  it('cancels every download', () => {
    const session = new FakeSession();
    const logs: string[] = [];
    lockDownSession(session, (message) => logs.push(message));
    const event = preventable();
    session.emit('will-download', event, { getURL: () => 'http://evil.example/x.exe' }, {});
    expect(event.prevented).toBe(true);
    expect(logs).toContain('cancelled a download of http://evil.example/x.exe');
  });
});
