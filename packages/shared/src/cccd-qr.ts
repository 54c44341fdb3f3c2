/**
 * The QR code on the front of a chip-based citizen identity card (CCCD):
 *
 *   `079090001234|025123456|Nguyễn Văn A|01011990|Nam|12 Lê Lợi, Bến Nghé, Quận 1, TP.HCM|15062021`
 *
 * id (12 digits) | old CMND (9 digits, may be empty) | full name | date of birth ddMMyyyy |
 * sex "Nam"/"Nữ" | address | issue date ddMMyyyy.
 *
 * The parser is strict on purpose: a scanner that misreads, a QR that is not a CCCD, or a
 * keyboard-wedge burst mixed with a key press must be refused, never half-understood. Every
 * accepted payload re-serialises to exactly the same text (checked by the fuzz test), so
 * nothing is normalised behind the caller's back.
 */
import { DEFAULT_TIME_ZONE, serviceDay } from './time.js';

/** Why a payload was refused; the kiosk maps each to a sentence on screen. */
export const CccdRefusal = {
  TooLong: 'too-long',
  FieldCount: 'field-count',
  IdFormat: 'id-format',
  OldIdFormat: 'old-id-format',
  Name: 'name',
  DateOfBirth: 'date-of-birth',
  Sex: 'sex',
  Address: 'address',
  IssueDate: 'issue-date',
  /** The ID's century/sex digit or birth-year digits disagree with the printed fields. */
  IdMismatch: 'id-mismatch',
} as const;
export type CccdRefusal = (typeof CccdRefusal)[keyof typeof CccdRefusal];

export type CccdSex = 'Nam' | 'Nữ';

export interface CccdCard {
  /** 12 digits. Personal data: never print, log or send in clear. */
  id: string;
  /** The old 9-digit CMND, or null when the field is empty. */
  oldId: string | null;
  fullName: string;
  /** `yyyy-MM-dd`. */
  dateOfBirth: string;
  sex: CccdSex;
  address: string;
  /** `yyyy-MM-dd`. */
  issueDate: string;
}

export type CccdParseResult = { ok: true; card: CccdCard } | { ok: false; reason: CccdRefusal };

/** Longest payload considered; real ones are ~150 characters. */
export const CCCD_QR_MAX_LENGTH = 512;
const MAX_NAME_LENGTH = 100;
const MAX_ADDRESS_LENGTH = 300;
/** Chip cards with a QR were first issued in 2016 (12-digit CCCD); nobody alive was born before 1900. */
const MIN_ISSUE_YEAR = 2016;
const MIN_BIRTH_YEAR = 1900;

const ID_PATTERN = /^\d{12}$/;
const OLD_ID_PATTERN = /^\d{9}$/;
const DATE_PATTERN = /^(\d{2})(\d{2})(\d{4})$/;
// Letters (any script, incl. Vietnamese with combining marks) in words separated by one space.
const NAME_PATTERN = /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*$/u;
// Printable text: no control characters, no field separator, no surrounding or doubled blanks.
const ADDRESS_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}|]/u;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `ddMMyyyy` → `yyyy-MM-dd`, or null for anything that is not a real calendar date. */
function parseCardDate(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [, dd, mm, yyyy] = match as unknown as [string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${yyyy}-${mm}-${dd}`;
}

function toCardDate(isoDate: string): string {
  const [yyyy, mm, dd] = isoDate.split('-');
  return `${dd}${mm}${yyyy}`;
}

/**
 * Per Circular 07/2016/TT-BCA the ID is province (3) + century/sex (1) + birth year yy (2)
 * + serial (6); the century/sex digit is 0/1 for 1900s men/women, 2/3 for 2000s, 4/5 for 2100s.
 */
function idAgreesWithCard(id: string, dateOfBirth: string, sex: CccdSex): boolean {
  const year = Number(dateOfBirth.slice(0, 4));
  const centuryIndex = Math.floor(year / 100) - 19;
  if (centuryIndex < 0 || centuryIndex > 2) return false;
  const expectedDigit = centuryIndex * 2 + (sex === 'Nữ' ? 1 : 0);
  return Number(id[3]) === expectedDigit && id.slice(4, 6) === dateOfBirth.slice(2, 4);
}

export interface CccdParseOptions {
  /** The center's day `yyyy-MM-dd`: birth and issue dates after it are refused. Defaults to now in Asia/Ho_Chi_Minh. */
  today?: string;
}

/**
 * Parses a scanned CCCD QR payload. Never throws; anything that is not exactly a CCCD payload
 * comes back as `{ ok: false, reason }`. The scanner drivers strip the line terminator first.
 */
export function parseCccdQr(payload: unknown, options: CccdParseOptions = {}): CccdParseResult {
  if (typeof payload !== 'string') return { ok: false, reason: CccdRefusal.FieldCount };
  const text = payload;
  if (text.length > CCCD_QR_MAX_LENGTH) return { ok: false, reason: CccdRefusal.TooLong };
  const fields = text.split('|');
  if (fields.length !== 7) return { ok: false, reason: CccdRefusal.FieldCount };
  const [id, oldId, fullName, dobText, sex, address, issueText] = fields as [
    string, string, string, string, string, string, string,
  ];
  const today = options.today ?? serviceDay(Date.now(), DEFAULT_TIME_ZONE);

  if (!ID_PATTERN.test(id)) return { ok: false, reason: CccdRefusal.IdFormat };
  if (oldId !== '' && !OLD_ID_PATTERN.test(oldId)) return { ok: false, reason: CccdRefusal.OldIdFormat };
  if (fullName.length > MAX_NAME_LENGTH || !NAME_PATTERN.test(fullName)) {
    return { ok: false, reason: CccdRefusal.Name };
  }
  const dateOfBirth = parseCardDate(dobText);
  if (!dateOfBirth || dateOfBirth < `${MIN_BIRTH_YEAR}-01-01` || dateOfBirth > today) {
    return { ok: false, reason: CccdRefusal.DateOfBirth };
  }
  if (sex !== 'Nam' && sex !== 'Nữ') return { ok: false, reason: CccdRefusal.Sex };
  if (
    address.length === 0 ||
    address.length > MAX_ADDRESS_LENGTH ||
    ADDRESS_FORBIDDEN.test(address) ||
    address !== address.trim() ||
    /\s{2}/u.test(address)
  ) {
    return { ok: false, reason: CccdRefusal.Address };
  }
  const issueDate = parseCardDate(issueText);
  if (!issueDate || issueDate < `${MIN_ISSUE_YEAR}-01-01` || issueDate > today || issueDate < dateOfBirth) {
    return { ok: false, reason: CccdRefusal.IssueDate };
  }
  if (!idAgreesWithCard(id, dateOfBirth, sex)) return { ok: false, reason: CccdRefusal.IdMismatch };

  return {
    ok: true,
    card: { id, oldId: oldId === '' ? null : oldId, fullName, dateOfBirth, sex, address, issueDate },
  };
}

/** The payload a card carries; `parseCccdQr(serializeCccdQr(card))` gives the card back. */
export function serializeCccdQr(card: CccdCard): string {
  return [
    card.id,
    card.oldId ?? '',
    card.fullName,
    toCardDate(card.dateOfBirth),
    card.sex,
    card.address,
    toCardDate(card.issueDate),
  ].join('|');
}

/** Completed years between `dateOfBirth` and `today` (both `yyyy-MM-dd`); the birthday itself counts. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** Age at `now` in the center's zone: a citizen born on 1966-06-15 is 60 all day of 2026-06-15 there. */
export function ageAt(dateOfBirth: string, now: Date | number, timeZone: string = DEFAULT_TIME_ZONE): number {
  return ageOn(dateOfBirth, serviceDay(now, timeZone));
}

/** Luật Người cao tuổi 2009, art. 2: the elderly are citizens aged 60 and over. */
export const ELDERLY_AGE = 60;
