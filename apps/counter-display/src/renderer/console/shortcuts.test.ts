import { describe, expect, it } from 'vitest';
import { actionForKey, type KeyPress } from './shortcuts.js';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...extra,
});

describe('actionForKey', () => {
  it('maps F1–F6 and Enter to the six buttons', () => {
    expect(['F1', 'Enter', 'F2', 'F3', 'F4', 'F5', 'F6'].map((k) => actionForKey(press(k)))).toEqual([
      'next',
      'next',
      'recall',
      'skip',
      'done',
      'transfer',
      'pause',
    ]);
  });

  it('ignores other keys, held keys and modified keys', () => {
    expect(actionForKey(press('a'))).toBeNull();
    expect(actionForKey(press('F1', { repeat: true }))).toBeNull();
    expect(actionForKey(press('F5', { ctrlKey: true }))).toBeNull();
  });

  it('leaves Enter to a focused button or field (it activates them natively)', () => {
    expect(actionForKey(press('Enter', { targetTag: 'BUTTON' }))).toBeNull();
    expect(actionForKey(press('Enter', { targetTag: 'INPUT' }))).toBeNull();
    expect(actionForKey(press('Enter', { targetTag: 'DIV', targetEditable: true }))).toBeNull();
    expect(actionForKey(press('F1', { targetTag: 'BUTTON' }))).toBe('next');
  });
});
