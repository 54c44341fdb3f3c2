import { describe, expect, it } from 'vitest';
import { classifyInput } from './input-policy.js';

const key = (key: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}, type = 'keyDown') => ({
  type,
  key,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('classifyInput', () => {
  it.each([
    key('r', { control: true }),
    key('w', { control: true }),
    key('I', { control: true, shift: true }),
    key('=', { control: true }),
    key('F4', { alt: true }),
    key('ArrowLeft', { alt: true }),
    key('F5'),
    key('F12'),
    key('BrowserBack'),
    key('q', { meta: true }),
  ])('blocks %o', (input) => {
    expect(classifyInput(input)).toBe('block');
  });

  it.each([key('5'), key('Enter'), key('Backspace'), key('A', { shift: true }), key('r', { control: true }, 'keyUp')])('allows %o', (input) => {
    expect(classifyInput(input)).toBe('allow');
  });

  it('allows copy and paste on the settings screen only', () => {
    expect(classifyInput(key('v', { control: true }), { editing: true })).toBe('allow');
    expect(classifyInput(key('a', { control: true }), { editing: true })).toBe('allow');
    expect(classifyInput(key('r', { control: true }), { editing: true })).toBe('block');
    expect(classifyInput(key('v', { control: true }))).toBe('block');
  });

  it('opens the settings on Ctrl+Alt+S', () => {
    expect(classifyInput(key('s', { control: true, alt: true }))).toBe('open-settings');
    expect(classifyInput(key('S', { control: true, alt: true, shift: true }))).toBe('open-settings');
  });
});
