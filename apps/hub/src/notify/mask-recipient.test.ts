import { describe, expect, it } from 'vitest';
import { maskRecipient } from './mask-recipient.js';

describe('maskRecipient', () => {
  it('keeps the first four and last three digits of a phone number', () => {
    expect(maskRecipient('0912345678')).toBe('0912***678');
  });

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskRecipient('nguyen.van.an@example.vn')).toBe('n***@example.vn');
  });

  it('hides short values entirely and marks purged ones', () => {
    expect(maskRecipient('12345')).toBe('***');
    expect(maskRecipient(null)).toBe('(đã xóa)');
  });
});
