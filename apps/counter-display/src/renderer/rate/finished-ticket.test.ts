import { describe, expect, it } from 'vitest';
import { leftCounter } from './finished-ticket.js';

describe('leftCounter', () => {
  it('reports the number that stopped being served', () => {
    expect(leftCounter('86001', '86002')).toBe('86001');
    expect(leftCounter('86001', null)).toBe('86001');
  });

  it('says nothing on the first state, for an idle counter or an unchanged number (a recall)', () => {
    expect(leftCounter(undefined, '86001')).toBeNull();
    expect(leftCounter(null, '86001')).toBeNull();
    expect(leftCounter('86001', '86001')).toBeNull();
  });
});
