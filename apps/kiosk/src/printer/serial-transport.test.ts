import { describe, expect, it } from 'vitest';
import { transmissionMs } from './serial-transport.js';

describe('transmissionMs', () => {
  it('allows for the bytes on the wire at the configured baud rate', () => {
    expect(transmissionMs(48_000, 9600)).toBe(50_000);
    expect(transmissionMs(48_000, 115_200)).toBe(4167);
  });
});
