import { describe, expect, it } from 'vitest';
import { lockDownContents } from './contents-lockdown.js';
import { FakeWebContents, preventable } from '../testing/fake-electron.js';

const HUB = 'http://192.168.1.10:8080';

function setup(editing = false) {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  let settings = 0;
  lockDownContents(contents, {
    isAllowed: (url) => url.startsWith(`${HUB}/`),
    keyPolicy: () => ({ editing }),
    onSettingsShortcut: () => settings++,
    onOpenAllowed: (url) => opened.push(url),
  });
  return { contents, opened, settings: () => settings };
}

describe('window lockdown', () => {
  it('follows a redirect to the hub and refuses one anywhere else', () => {
    const { contents } = setup();
    const toHub = preventable();
    contents.emit('will-redirect', toHub, `${HUB}/kiosk/`);
    const away = preventable();
    contents.emit('will-redirect', away, 'https://evil.example/kiosk/');
    const sneaky = preventable();
    contents.emit('will-redirect', sneaky, 'http://192.168.1.10:8081/kiosk/');
    expect([toHub.prevented, away.prevented, sneaky.prevented]).toEqual([false, true, true]);
  });

  it('refuses navigations of any frame away from the hub', () => {
    const { contents } = setup();
    const main = preventable();
    contents.emit('will-navigate', main, 'file:///etc/passwd');
    const frame = preventable({ url: 'https://evil.example/' });
    contents.emit('will-frame-navigate', frame);
    const hubFrame = preventable({ url: `${HUB}/board` });
    contents.emit('will-frame-navigate', hubFrame);
    expect([main.prevented, frame.prevented, hubFrame.prevented]).toEqual([true, true, false]);
  });

  it('never opens a window, webview or Bluetooth picker', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: `${HUB}/kiosk/` })).toEqual({ action: 'deny' });
    expect(opened).toEqual([`${HUB}/kiosk/`]);
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    const bluetooth = preventable();
    const chosen: string[] = [];
    contents.emit('select-bluetooth-device', bluetooth, [{ deviceId: 'x' }], (id: string) => chosen.push(id));
    expect([webview.prevented, bluetooth.prevented, chosen]).toEqual([true, true, ['']]);
  });

  it('runs every key through the shared filter', () => {
    const { contents, settings } = setup();
    const devtools = preventable();
    contents.emit('before-input-event', devtools, { type: 'keyDown', key: 'I', control: true, shift: true, alt: false, meta: false });
    const typing = preventable();
    contents.emit('before-input-event', typing, { type: 'keyDown', key: '5', control: false, shift: false, alt: false, meta: false });
    const chord = preventable();
    contents.emit('before-input-event', chord, { type: 'keyDown', key: 's', control: true, shift: false, alt: true, meta: false });
    expect([devtools.prevented, typing.prevented, chord.prevented]).toEqual([true, false, true]);
    expect(settings()).toBe(1);
  });
});
