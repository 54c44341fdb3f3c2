import { describe, expect, it } from 'vitest';
import { detectBridge } from './detect-bridge.js';

const bridge = { version: 1, printTicket: async () => ({ ok: true }), printerStatus: async () => ({ state: 'unknown' }) };

describe('detectBridge', () => {
  it('finds the shell bridge', () => {
    expect(detectBridge({ layso: bridge })).toBe(bridge);
  });

  it('falls back to none in a plain browser', () => {
    expect(detectBridge({})).toBeNull();
  });

  it('ignores a bridge of another version or without printing', () => {
    expect(detectBridge({ layso: { ...bridge, version: 2 } })).toBeNull();
    expect(detectBridge({ layso: { version: 1 } })).toBeNull();
  });
});
