import { describe, expect, it } from 'vitest';
import { describeChange } from './audit-change.js';

describe('audit change text', () => {
  it('lists only the fields that changed', () => {
    expect(describeChange({ name: 'Tư pháp', prefix: '60' }, { name: 'Tư pháp', prefix: '61' })).toBe('prefix: "60" → "61"');
  });

  it('lists every field of something created or removed', () => {
    expect(describeChange(null, { code: 'nva', name: 'Nguyễn Văn An', lockedUntil: null })).toBe('code: "nva"\nname: "Nguyễn Văn An"');
    expect(describeChange({ number: 95 }, null)).toBe('number: 95 → ∅');
  });

  it('does not call a field that was null and is now absent a change', () => {
    expect(describeChange({ clerk: null, fromCounter: null }, { clerk: 'ttb' })).toBe('clerk: null → "ttb"');
  });
});
