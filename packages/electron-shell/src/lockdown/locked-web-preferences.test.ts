import { describe, expect, it } from 'vitest';
import { lockedWebPreferences } from './locked-web-preferences.js';

describe('lockedWebPreferences', () => {
  it('isolates and sandboxes the page, without Node anywhere, and without devtools unless asked', () => {
    const prefs = lockedWebPreferences('/app/preload.cjs');
    expect(prefs).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(lockedWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});
