import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '@layso/shared';
import { draftToHours, hoursToDraft } from './opening-hours-form.js';

const hours: OpeningHours = {
  mon: [
    { open: '07:30', close: '11:30' },
    { open: '13:30', close: '17:00' },
  ],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [{ open: '07:30', close: '11:30' }],
  sun: [],
};

describe('opening hours in the settings form', () => {
  it('gives every day a morning and an afternoon, empty where closed', () => {
    const draft = hoursToDraft(hours);
    expect(draft.mon[1]).toEqual({ open: '13:30', close: '17:00' });
    expect(draft.sat[1]).toEqual({ open: '', close: '' });
    expect(draft.sun).toEqual([
      { open: '', close: '' },
      { open: '', close: '' },
    ]);
  });

  it('round-trips, dropping the empty intervals', () => {
    expect(draftToHours(hoursToDraft(hours))).toEqual(hours);
  });

  it('keeps a half-filled interval for the hub to reject by name', () => {
    const draft = hoursToDraft(hours);
    draft.sun[0] = { open: '08:00', close: '' };
    expect(draftToHours(draft).sun).toEqual([{ open: '08:00', close: '' }]);
  });
});
