/**
 * The two numbers typed on the check-in keypad: the 5-digit ticket number, then
 * the last 4 digits of the phone. Filling the first moves to the second by itself.
 */
export type CheckinField = 'number' | 'phone';

export interface CheckinEntry {
  number: string;
  phone: string;
  field: CheckinField;
}

export const CHECKIN_LENGTH: Record<CheckinField, number> = { number: 5, phone: 4 };

export const EMPTY_ENTRY: CheckinEntry = { number: '', phone: '', field: 'number' };

export function typeDigit(entry: CheckinEntry, digit: string): CheckinEntry {
  if (!/^\d$/.test(digit)) return entry;
  const value = entry[entry.field];
  if (value.length >= CHECKIN_LENGTH[entry.field]) return entry;
  const next = { ...entry, [entry.field]: value + digit };
  if (entry.field === 'number' && next.number.length === CHECKIN_LENGTH.number && next.phone.length < CHECKIN_LENGTH.phone) next.field = 'phone';
  return next;
}

export function deleteDigit(entry: CheckinEntry): CheckinEntry {
  // Deleting in an empty phone field goes back to the number, as people expect.
  if (entry.field === 'phone' && entry.phone === '') return { ...entry, field: 'number', number: entry.number.slice(0, -1) };
  return { ...entry, [entry.field]: entry[entry.field].slice(0, -1) };
}

export function clearField(entry: CheckinEntry): CheckinEntry {
  return { ...entry, [entry.field]: '' };
}

export function isComplete(entry: CheckinEntry): boolean {
  return entry.number.length === CHECKIN_LENGTH.number && entry.phone.length === CHECKIN_LENGTH.phone;
}
