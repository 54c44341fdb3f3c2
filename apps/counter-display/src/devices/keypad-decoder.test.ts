import { describe, expect, it } from 'vitest';
import { ManualTimers } from '@layso/electron-shell/testing';
import { compileKeyMap, type KeypadKeyMap } from './keypad-actions.js';
import { KeypadDecoder } from './keypad-decoder.js';

function setup(options: { keyMap?: KeypadKeyMap; debounceMs?: number } = {}) {
  const clock = new ManualTimers();
  const decoder = new KeypadDecoder({ ...options, now: clock.now });
  return { clock, decoder, push: (bytes: string | number[]) => decoder.push(Buffer.from(bytes as string)) };
}

describe('KeypadDecoder mapping', () => {
  it('maps the default keys 1–4 to next, recall, no-show, done in order', () => {
    const { push } = setup();
    expect(push('1234')).toEqual(['next', 'recall', 'no-show', 'done']);
  });

  it('ignores CR, LF and unknown bytes', () => {
    const { push } = setup();
    expect(push('1\r\n')).toEqual(['next']);
    expect(push([0x00, 0x35, 0xff, 0x41, 0x0d, 0x0a])).toEqual([]);
    expect(push('x2\r\n')).toEqual(['recall']);
  });

  it('uses a configured key map instead of the default', () => {
    const { push } = setup({ keyMap: { N: 'next', R: 'recall', S: 'no-show', D: 'done' } });
    expect(push('1234NRSD')).toEqual(['next', 'recall', 'no-show', 'done']);
  });

  it('refuses key maps with multi-byte keys, CR/LF keys or unknown actions', () => {
    expect(() => compileKeyMap({ '12': 'next' })).toThrow(RangeError);
    expect(() => compileKeyMap({ '': 'next' })).toThrow(RangeError);
    expect(() => compileKeyMap({ 'ạ': 'next' })).toThrow(RangeError);
    expect(() => compileKeyMap({ '\r': 'next' })).toThrow(RangeError);
    expect(() => compileKeyMap({ '1': 'skip' as never })).toThrow(RangeError);
  });
});

describe('KeypadDecoder debounce', () => {
  it('collapses a bouncing key into one action, within one chunk and across chunks', async () => {
    const { push, clock } = setup();
    expect(push('111\r\n1')).toEqual(['next']);
    await clock.advance(100);
    expect(push('1')).toEqual([]);
    await clock.advance(299);
    expect(push('1')).toEqual([]);
  });

  it('accepts the same key again once the window has passed since its last byte', async () => {
    const { push, clock } = setup();
    expect(push('1')).toEqual(['next']);
    await clock.advance(300);
    expect(push('1')).toEqual(['next']);
  });

  it('restarts the window on every bounce, so a held key fires once', async () => {
    const { push, clock } = setup({ debounceMs: 300 });
    expect(push('1')).toEqual(['next']);
    for (let i = 0; i < 10; i += 1) {
      await clock.advance(250);
      expect(push('1')).toEqual([]);
    }
  });

  it('does not debounce different keys', () => {
    const { push } = setup();
    expect(push('1212')).toEqual(['next', 'recall', 'next', 'recall']);
  });

  it('debounces by action, so two keys mapped to next still call one citizen', () => {
    const { push } = setup({ keyMap: { '1': 'next', N: 'next' } });
    expect(push('1N')).toEqual(['next']);
  });

  it('is not reset by CR/LF or unknown bytes between repeats', () => {
    const { push } = setup();
    expect(push('1\r\n1\r\nz1')).toEqual(['next']);
  });

  it('honours a configured window, and 0 turns debouncing off', async () => {
    const long = setup({ debounceMs: 1000 });
    expect(long.push('3')).toEqual(['no-show']);
    await long.clock.advance(999);
    expect(long.push('3')).toEqual([]);
    await long.clock.advance(1000);
    expect(long.push('3')).toEqual(['no-show']);

    const off = setup({ debounceMs: 0 });
    expect(off.push('44')).toEqual(['done', 'done']);
    expect(() => new KeypadDecoder({ debounceMs: -1 })).toThrow(RangeError);
  });
});
