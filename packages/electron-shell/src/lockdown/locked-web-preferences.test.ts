import { describe, expect, it } from 'vitest';
import { lockedWebPreferences } from './locked-web-preferences.js';

describe('lockedWebPreferences', () => {
  it('isolates and sandboxes the page, without Node anywhere, and without devtools unless asked', () => {
    const prefs = lockedWebPreferences('/app/preload.cjs');
    expect(prefs.preload).toBe('/app/preload.cjs');
    // Node in no frame and no worker.
    expect([prefs.nodeIntegration, prefs.nodeIntegrationInWorker, prefs.nodeIntegrationInSubFrames]).toEqual([false, false, false]);
    expect([prefs.contextIsolation, prefs.sandbox, prefs.webSecurity]).toEqual([true, true, true]);
    // No way around them: no <webview>, insecure content, drag-and-drop navigation, spellchecker or devtools.
    expect([prefs.webviewTag, prefs.allowRunningInsecureContent, prefs.navigateOnDragDrop, prefs.spellcheck, prefs.devTools]).toEqual([false, false, false, false, false]);
    // A new preference is a decision: it gets a line above.
    expect(Object.keys(prefs)).toHaveLength(12);
    expect(lockedWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});
