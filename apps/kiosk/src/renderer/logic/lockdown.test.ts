// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { installLockdown } from './lockdown.js';

let uninstall: () => void = () => {};
afterEach(() => uninstall());

function dispatch(event: Event): boolean {
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('installLockdown', () => {
  it('blocks the context menu, selection, dragging and ctrl+wheel zoom', () => {
    uninstall = installLockdown(window);
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('selectstart', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('dragstart', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true }))).toBe(true);
    expect(dispatch(new WheelEvent('wheel', { bubbles: true, cancelable: true }))).toBe(false);
  });

  it('blocks zoom and reload shortcuts but not plain keys', () => {
    uninstall = installLockdown(window);
    expect(dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: '+', ctrlKey: true }))).toBe(true);
    expect(dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'r', ctrlKey: true }))).toBe(true);
    expect(dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'F5' }))).toBe(true);
    expect(dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: '5' }))).toBe(false);
  });

  it('stops blocking once uninstalled', () => {
    installLockdown(window)();
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(false);
  });
});
