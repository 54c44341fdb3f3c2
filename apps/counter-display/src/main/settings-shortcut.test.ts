import { describe, expect, it } from 'vitest';
import { isSettingsShortcut, type KeyInput } from './settings-shortcut.js';

const key = (extra: Partial<KeyInput>): KeyInput => ({ type: 'keyDown', key: 's', control: true, shift: false, alt: true, meta: false, ...extra });

describe('isSettingsShortcut', () => {
  it('is Ctrl+Alt+S on key down', () => {
    expect(isSettingsShortcut(key({}))).toBe(true);
    expect(isSettingsShortcut(key({ key: 'S' }))).toBe(true);
  });

  it('is nothing else', () => {
    expect(isSettingsShortcut(key({ type: 'keyUp' }))).toBe(false);
    expect(isSettingsShortcut(key({ alt: false }))).toBe(false);
    expect(isSettingsShortcut(key({ key: 'F1' }))).toBe(false);
    expect(isSettingsShortcut(key({ shift: true }))).toBe(false);
  });
});
