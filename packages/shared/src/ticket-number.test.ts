import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber } from './ticket-number.js';

describe('ticket numbers XXYYY', () => {
  it('formats the seed example: counter 86, first ticket → 86001', () => {
    expect(formatTicketNumber('86', 1)).toBe('86001');
    expect(formatTicketNumber('05', 999)).toBe('05999');
    expect(formatTicketNumber('00', 42)).toBe('00042');
  });

  it('parses back to prefix and sequence', () => {
    expect(parseTicketNumber('86001')).toEqual({ prefix: '86', seq: 1 });
    expect(parseTicketNumber('66002')).toEqual({ prefix: '66', seq: 2 });
    expect(parseTicketNumber('99999')).toEqual({ prefix: '99', seq: 999 });
  });

  it('round-trips every sequence of a prefix', () => {
    for (let seq = 1; seq <= 999; seq++) {
      expect(parseTicketNumber(formatTicketNumber('68', seq))).toEqual({ prefix: '68', seq });
    }
  });

  it.each(['86000', '8600', '860001', '8600a', ' 86001', '86001 ', '', '８６００１', '-8601', '86.01'])('rejects %j', (text) => {
    expect(parseTicketNumber(text)).toBeNull();
  });

  it.each([
    ['8', 1],
    ['860', 1],
    ['ab', 1],
    ['86', 0],
    ['86', 1000],
    ['86', 1.5],
    ['86', Number.NaN],
  ])('refuses to format prefix %j with sequence %j', (prefix, seq) => {
    expect(() => formatTicketNumber(prefix as string, seq as number)).toThrow(RangeError);
  });
});
