import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, pageKind, windowOpenDecision } from './navigation-policy.js';

const context = {
  hubOrigin: 'http://192.168.1.10:8080',
  localPages: ['file:///opt/layso/dist-electron/settings.html', 'file:///opt/layso/dist-electron/offline.html'],
};

describe('navigation policy', () => {
  it.each([
    'http://192.168.1.10:8080/kiosk/',
    'http://192.168.1.10:8080/kiosk/?idleMs=30000#token=abc',
    'file:///opt/layso/dist-electron/settings.html',
    'file:///opt/layso/dist-electron/offline.html?retry=1',
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url, context)).toBe(true);
  });

  it.each([
    'https://192.168.1.10:8080/kiosk/',
    'http://192.168.1.10:8081/kiosk/',
    'http://evil.example/kiosk/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, context)).toBe(false);
  });

  it('allows nothing from the network before the hub is configured', () => {
    expect(isAllowedNavigation('http://192.168.1.10:8080/kiosk/', { ...context, hubOrigin: null })).toBe(false);
  });

  it('tells hub pages from local pages', () => {
    expect(pageKind('http://192.168.1.10:8080/kiosk/', context)).toBe('hub');
    expect(pageKind('file:///opt/layso/dist-electron/settings.html', context)).toBe('local');
    expect(pageKind('http://other/', context)).toBe('other');
  });

  it('never opens a new window, but opens a hub link in place', () => {
    expect(windowOpenDecision('http://192.168.1.10:8080/board', context)).toEqual({ action: 'deny', navigateInPlace: true });
    expect(windowOpenDecision('https://facebook.com', context)).toEqual({ action: 'deny', navigateInPlace: false });
  });
});
