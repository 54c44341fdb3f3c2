import { describe, expect, it } from 'vitest';
import { classifyKey, type KeyInput } from './key-filter.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });

describe('shared key filter', () => {
  it('blocks reload, close, quit, devtools, print, zoom and fullscreen chords', () => {
    for (const input of [
      key('r', { control: true }),
      key('w', { control: true }),
      key('q', { control: true }),
      key('I', { control: true, shift: true }),
      key('p', { control: true }),
      key('=', { control: true }),
      key('F4', { alt: true }),
      key('F5'),
      key('F11'),
      key('F12'),
      key('BrowserBack'),
      key('Print'),
    ]) {
      expect(classifyKey(input), JSON.stringify(input)).toBe('block');
    }
  });

  it('opens the settings on Ctrl+Alt+S only', () => {
    expect(classifyKey(key('s', { control: true, alt: true }))).toBe('open-settings');
    expect(classifyKey(key('S', { control: true, alt: true }))).toBe('open-settings');
    expect(classifyKey(key('s', { control: true, alt: true, shift: true }))).toBe('block');
  });

  it('lets a console use its own function keys, never F11 or F12', () => {
    const policy = { functionKeys: ['F1', 'F2', 'F5', 'F11', 'F12'] };
    expect(classifyKey(key('F1'), policy)).toBe('allow');
    expect(classifyKey(key('F5'), policy)).toBe('allow');
    expect(classifyKey(key('F3'), policy)).toBe('block');
    expect(classifyKey(key('F11'), policy)).toBe('block');
    expect(classifyKey(key('F12'), policy)).toBe('block');
  });

  it('allows typing, and clipboard chords only while editing', () => {
    expect(classifyKey(key('a'))).toBe('allow');
    expect(classifyKey(key('Enter'))).toBe('allow');
    expect(classifyKey(key('v', { control: true }))).toBe('block');
    expect(classifyKey(key('v', { control: true }), { editing: true })).toBe('allow');
    expect(classifyKey(key('r', { control: true }), { editing: true })).toBe('block');
    expect(classifyKey({ ...key('r', { control: true }), type: 'keyUp' })).toBe('allow');
  });
});
