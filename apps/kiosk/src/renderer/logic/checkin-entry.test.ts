import { describe, expect, it } from 'vitest';
import { clearField, deleteDigit, EMPTY_ENTRY, isComplete, typeDigit, type CheckinEntry } from './checkin-entry.js';

const typeAll = (digits: string, entry: CheckinEntry = EMPTY_ENTRY) => [...digits].reduce(typeDigit, entry);

describe('check-in entry', () => {
  it('moves to the phone digits once the 5-digit number is typed', () => {
    const entry = typeAll('860011234');
    expect(entry).toEqual({ number: '86001', phone: '1234', field: 'phone' });
    expect(isComplete(entry)).toBe(true);
  });

  it('ignores digits past the field length and non-digits', () => {
    expect(typeAll('8600112345x')).toEqual({ number: '86001', phone: '1234', field: 'phone' });
  });

  it('deleting in the empty phone field goes back into the number', () => {
    const entry = deleteDigit(typeAll('86001'));
    expect(entry).toEqual({ number: '8600', phone: '', field: 'number' });
  });

  it('clears only the active field', () => {
    expect(clearField(typeAll('860011'))).toEqual({ number: '86001', phone: '', field: 'phone' });
  });

  it('is incomplete until both fields are full', () => {
    expect(isComplete(typeAll('86001123'))).toBe(false);
  });
});
