import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdHash } from './citizen-id-hash.js';

describe('citizenIdHash', () => {
  it('is HMAC-SHA256 as node:crypto computes it (what the hub stores)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), fc.stringMatching(/^\d{12}$/), (key, id) => {
        expect(citizenIdHash(key, id)).toBe(createHmac('sha256', Buffer.from(key, 'hex')).update(id).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('depends on the key: another center cannot match the same card', () => {
    const id = '079090001234';
    expect(citizenIdHash('00'.repeat(32), id)).not.toBe(citizenIdHash('01'.repeat(32), id));
    expect(citizenIdHash('00'.repeat(32), id)).toMatch(/^[0-9a-f]{64}$/);
  });
});
