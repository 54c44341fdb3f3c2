import { describe, expect, it } from 'vitest';
import { kioskPageUrl, kioskWindowOptions } from './window-options.js';

describe('kioskWindowOptions', () => {
  it('is a fullscreen kiosk with an isolated, sandboxed page and no Node', () => {
    const options = kioskWindowOptions({ preload: '/app/preload.cjs' });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
  });

  it('allows devtools only when asked', () => {
    expect(kioskWindowOptions({ preload: '/p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('kioskPageUrl', () => {
  it('points at the hub-served kiosk page with the device token in the hash', () => {
    expect(kioskPageUrl({ hubUrl: 'http://192.168.1.10:8080', token: 'a+b/c=' })).toBe('http://192.168.1.10:8080/kiosk/#token=a%2Bb%2Fc%3D');
  });

  it('leaves the token out before pairing, so the page shows a pairing code', () => {
    expect(kioskPageUrl({ hubUrl: 'http://192.168.1.10:8080', token: null })).toBe('http://192.168.1.10:8080/kiosk/');
  });
});
