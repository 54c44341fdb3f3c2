import { describe, expect, it } from 'vitest';
import { ScanLineReader } from './scan-line-reader.js';

const PAYLOAD = '079090001234|025123456|Nguyễn Văn An|01011990|Nam|12 Lê Lợi, Quận 1|15062021';

describe('ScanLineReader', () => {
  it('ends a scan on CR, LF or CR LF and drops empty lines', () => {
    const reader = new ScanLineReader();
    expect(reader.push(Buffer.from(`a\rb\nc\r\n\r\n`))).toEqual(['a', 'b', 'c']);
  });

  it('joins a scan split across chunks, even inside a multi-byte character', () => {
    const reader = new ScanLineReader();
    const bytes = Buffer.from(`${PAYLOAD}\r\n`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('ễ', 'utf8')) + 1;
    expect(reader.push(bytes.subarray(0, cut))).toEqual([]);
    expect(reader.push(bytes.subarray(cut))).toEqual([PAYLOAD]);
  });

  it('holds an unterminated tail until the terminator comes', () => {
    const reader = new ScanLineReader();
    expect(reader.push(Buffer.from('abc'))).toEqual([]);
    expect(reader.push(Buffer.from('\n'))).toEqual(['abc']);
  });

  it('discards an over-long line up to its terminator and reads the next one', () => {
    const overflows: number[] = [];
    const reader = new ScanLineReader({ maxLength: 10, onOverflow: (n) => overflows.push(n) });
    expect(reader.push(Buffer.from('0123456789'))).toEqual([]);
    expect(reader.push(Buffer.from('X'.repeat(5000)))).toEqual([]);
    expect(reader.push(Buffer.from('more\rok\r'))).toEqual(['ok']);
    expect(overflows).toEqual([5010]);
    // Exactly the limit is still a line.
    expect(reader.push(Buffer.from('0123456789\n'))).toEqual(['0123456789']);
  });
});
