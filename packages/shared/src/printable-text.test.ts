import { describe, expect, it } from 'vitest';
import { stripControlChars } from './printable-text.js';

describe('stripControlChars', () => {
  it('removes C0, DEL and C1 and keeps Vietnamese', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
    const kept = stripControlChars(all);
    expect([...kept].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f)).toBe(true);
    expect(stripControlChars('Công an tỉnh\x1bi\x1dV\x00A\x10\x14\x01\x7f\x9b')).toBe('Công an tỉnhiVA');
  });

  it('turns line breaks and tabs into spaces', () => {
    expect(stripControlChars('Tầng\t3\r\nKhu A')).toBe('Tầng 3  Khu A');
  });
});
