import { describe, expect, it } from 'vitest';
import type { LedMessage } from '../led-message.js';
import { createLedProtocol, ledProtocolIds } from './registry.js';

const ticket = (text: string): LedMessage => ({ kind: 'ticket', text });

describe('ascii-line', () => {
  it('sends the text followed by CR LF', () => {
    const bytes = createLedProtocol('ascii-line').encode(ticket('86001'));
    expect([...bytes]).toEqual([0x38, 0x36, 0x30, 0x30, 0x31, 0x0d, 0x0a]);
  });

  it('uses a configured terminator', () => {
    const bytes = createLedProtocol('ascii-line', { lineTerminator: '\r' }).encode(ticket('----'));
    expect([...bytes]).toEqual([0x2d, 0x2d, 0x2d, 0x2d, 0x0d]);
  });

  it('sends just the terminator for an empty (blank) text', () => {
    expect([...createLedProtocol('ascii-line').encode({ kind: 'idle', text: '' })]).toEqual([0x0d, 0x0a]);
  });

  it('refuses non-ASCII text and an empty terminator', () => {
    expect(() => createLedProtocol('ascii-line').encode(ticket('Tạm nghỉ'))).toThrow(RangeError);
    expect(() => createLedProtocol('ascii-line', { lineTerminator: '' })).toThrow(RangeError);
  });
});

describe('framed', () => {
  it('frames 86001 for address 1 with an XOR checksum', () => {
    const bytes = createLedProtocol('framed', { address: 1 }).encode(ticket('86001'));
    // 01 ^ 05 ^ 38 ^ 36 ^ 30 ^ 30 ^ 31 = 3B
    expect([...bytes]).toEqual([0x02, 0x01, 0x05, 0x38, 0x36, 0x30, 0x30, 0x31, 0x3b, 0x03]);
  });

  it('puts the configured address in the frame and the checksum', () => {
    const bytes = createLedProtocol('framed', { address: 0x86 }).encode(ticket('PAUSE'));
    // 86 ^ 05 ^ 50 ^ 41 ^ 55 ^ 53 ^ 45 = D1
    expect([...bytes]).toEqual([0x02, 0x86, 0x05, 0x50, 0x41, 0x55, 0x53, 0x45, 0xd1, 0x03]);
  });

  it('defaults to address 1', () => {
    const bytes = createLedProtocol('framed').encode(ticket('7'));
    expect([...bytes]).toEqual([0x02, 0x01, 0x01, 0x37, 0x01 ^ 0x01 ^ 0x37, 0x03]);
  });

  it('encodes a blank board as an empty payload', () => {
    const bytes = createLedProtocol('framed', { address: 254 }).encode({ kind: 'idle', text: '' });
    expect([...bytes]).toEqual([0x02, 0xfe, 0x00, 0xfe, 0x03]);
  });

  it.each([0, 255, 1.5, -1])('refuses address %s', (address) => {
    expect(() => createLedProtocol('framed', { address })).toThrow(RangeError);
  });

  it('refuses control characters that would break framing, and oversized payloads', () => {
    const framed = createLedProtocol('framed');
    expect(() => framed.encode(ticket('86\x03001'))).toThrow(RangeError);
    expect(() => framed.encode(ticket('9'.repeat(256)))).toThrow(RangeError);
    expect(framed.encode(ticket('9'.repeat(255)))).toHaveLength(260);
  });
});

describe('registry', () => {
  it('lists the built-in protocols and refuses unknown ids', () => {
    expect(ledProtocolIds()).toEqual(['ascii-line', 'framed']);
    expect(() => createLedProtocol('vendor-x')).toThrow(/unknown LED protocol "vendor-x"; known: ascii-line, framed/);
  });

  it('creates protocols that report their id', () => {
    for (const id of ledProtocolIds()) expect(createLedProtocol(id).id).toBe(id);
  });
});
