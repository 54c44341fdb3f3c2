import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardNavigation, isAllowedNavigation, originOf, type GuardedContents } from './navigation-guard.js';

class FakeContents extends EventEmitter implements GuardedContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits a navigation event and says whether it was allowed. */
  navigate(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

const allowed = ['http://10.0.0.2:8080', 'layso://app'];

describe('navigation guard', () => {
  it('compares scheme and host, custom schemes included', () => {
    expect(originOf('layso://app/counter/settings')).toBe('layso://app');
    expect(isAllowedNavigation('http://10.0.0.2:8080/board?area=tang-3', allowed)).toBe(true);
    expect(isAllowedNavigation('http://10.0.0.2:9999/board', allowed)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', allowed)).toBe(false);
    expect(isAllowedNavigation('not a url', allowed)).toBe(false);
  });

  it('blocks navigations and redirects away from the hub and the settings page', () => {
    const contents = new FakeContents();
    guardNavigation(contents, () => allowed);
    expect(contents.navigate('will-navigate', 'http://10.0.0.2:8080/door?counter=86')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(false);
    expect(contents.navigate('will-attach-webview', 'x')).toBe(false);
  });

  it('never opens a new window', () => {
    const contents = new FakeContents();
    guardNavigation(contents, () => allowed);
    expect(contents.openHandler?.({ url: 'http://10.0.0.2:8080/board' })).toEqual({ action: 'deny' });
  });
});
