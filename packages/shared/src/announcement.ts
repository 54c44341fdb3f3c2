/**
 * Voice announcement phrase builder (GLOSSARY.md, "Voice").
 *
 * An announcement is a list of clip ids; the counter display plays the matching
 * pre-recorded audio files back to back. Building sentences from a small fixed
 * set of clips (instead of synthesising speech at run time) keeps the appliance
 * offline, makes every call sound the same, lets a center re-record any clip, and
 * lets tests assert exactly what the hall heard.
 *
 * Vietnamese call:
 *   "Xin mời công dân có số thứ tự {digits} đến quầy số {counter}"
 *   chime, xin-moi-cong-dan-co-so-thu-tu, digit-8 digit-6 digit-0 digit-0 digit-1,
 *   den-quay-so, num-80 num-6
 *
 * Clip vocabulary (46 Vietnamese clips) — enough for any counter 1–999:
 *   chime, chime-recall                  two-tone chimes (no speech)
 *   xin-moi-cong-dan-co-so-thu-tu        "Xin mời công dân có số thứ tự"
 *   den-quay-so                          "đến quầy số"
 *   quay                                 "quầy" (short form)
 *   digit-0 … digit-9                    ticket digits, read one by one
 *   num-1 … num-9                        plain units of a number ("một" … "chín")
 *   num-10                               "mười"
 *   num-20 … num-90                      "hai mươi" … "chín mươi"
 *   num-100 … num-900                    "một trăm" … "chín trăm"
 *   num-linh, num-mot, num-tu, num-lam   "linh", "mốt", "tư", "lăm"
 * Digits and number units are separate clips although they speak the same words:
 * a ticket digit is read in a list while a unit ends the number (and usually the
 * sentence), so a center may record them with different intonation, and the
 * readable text can be rebuilt from the clips without context.
 *
 * Counter numbers are read with the usual Vietnamese rules:
 *   - "mười" for a tens digit of 1, "<digit> mươi" for 2–9;
 *   - "mốt" for a units 1 after "mươi" (21 hai mươi mốt) but "một" after "mười"
 *     (11 mười một) and after "linh" (101 một trăm linh một);
 *   - "lăm" for a units 5 after any tens, "mười" included (15 mười lăm, 25 hai
 *     mươi lăm), but "năm" alone or after "linh" (105 một trăm linh năm);
 *   - "tư" for a units 4 after "mươi" (24 hai mươi tư). GLOSSARY allows "bốn"
 *     too; "tư" is the more common spoken form in halls and it is one clip to
 *     re-record if a center prefers "bốn". 14 stays "mười bốn" (the usual form).
 *   - "linh" when the tens are zero and the units are not, after hundreds
 *     (101 một trăm linh một); 100, 200 … are just "một trăm", "hai trăm".
 *
 * Short form (`form: 'short'`), for calls that queue up on the board: only the
 * ticket and the counter, "86002, quầy 87" (digit-8 … digit-2, quay, num-80 num-7),
 * English "8 6 0 0 2, counter 87". The hall is already listening when several
 * calls come at once, so the polite opening is left out to get everyone moving
 * sooner (counter-display docs, "Voice queueing"). `chime: false` leaves the chime
 * out: in a run of queued calls only the first one chimes.
 *
 * Recall ("Gọi lại"): the same sentence, started by `chime-recall` (a different,
 * three-tone chime) instead of `chime`, so regulars hear that it is a repeat
 * while the number itself sounds exactly as the first time.
 *
 * English (`language: 'en'`): "Ticket number 8 6 0 0 1, please go to counter 86",
 * with its own clip ids, all starting with `en-`, stored in the `en/` clip folder.
 * The chimes are language-neutral and shared by both languages.
 */
import { parseTicketNumber } from './ticket-number.js';

export type AnnouncementLanguage = 'vi' | 'en';

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type NonZeroDigit = Exclude<Digit, 0>;
type EnTeen = 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19;
type EnTens = 20 | 30 | 40 | 50 | 60 | 70 | 80 | 90;

export type ViClipId =
  | 'chime'
  | 'chime-recall'
  | 'xin-moi-cong-dan-co-so-thu-tu'
  | 'den-quay-so'
  | 'quay'
  | `digit-${Digit}`
  | `num-${NonZeroDigit}`
  | `num-${NonZeroDigit}0`
  | `num-${NonZeroDigit}00`
  | 'num-linh'
  | 'num-mot'
  | 'num-tu'
  | 'num-lam';

export type EnClipId =
  | 'en-ticket-number'
  | 'en-please-go-to-counter'
  | 'en-counter'
  | `en-digit-${Digit}`
  | `en-num-${NonZeroDigit | EnTeen | EnTens}`
  | 'en-num-hundred';

export type ClipId = ViClipId | EnClipId;

export const CHIME_CLIPS: readonly ClipId[] = ['chime', 'chime-recall'];

const VI_DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const EN_NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
] as const;
const EN_TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

function buildClipWords(): Record<ClipId, string> {
  const words: Record<string, string> = {
    // Chimes are generated tones, not speech: no words.
    chime: '',
    'chime-recall': '',
    'xin-moi-cong-dan-co-so-thu-tu': 'Xin mời công dân có số thứ tự',
    'den-quay-so': 'đến quầy số',
    quay: 'quầy',
    'num-linh': 'linh',
    'num-mot': 'mốt',
    'num-tu': 'tư',
    'num-lam': 'lăm',
    'en-ticket-number': 'Ticket number',
    'en-please-go-to-counter': 'please go to counter',
    'en-counter': 'counter',
    'en-num-hundred': 'hundred',
  };
  for (let d = 0; d <= 9; d++) {
    words[`digit-${d}`] = VI_DIGIT_WORDS[d]!;
    words[`en-digit-${d}`] = EN_NUMBER_WORDS[d]!;
  }
  for (let d = 1; d <= 9; d++) {
    words[`num-${d}`] = VI_DIGIT_WORDS[d]!;
    words[`num-${d * 10}`] = d === 1 ? 'mười' : `${VI_DIGIT_WORDS[d]} mươi`;
    words[`num-${d * 100}`] = `${VI_DIGIT_WORDS[d]} trăm`;
  }
  for (let n = 1; n <= 19; n++) words[`en-num-${n}`] = EN_NUMBER_WORDS[n]!;
  for (let t = 2; t <= 9; t++) words[`en-num-${t * 10}`] = EN_TENS_WORDS[t]!;
  return words as Record<ClipId, string>;
}

/**
 * Every clip id → the words it speaks (Vietnamese for Vietnamese clips, English for
 * `en-` clips, '' for the chimes). scripts/generate-voice-clips.sh reads this table,
 * so adding a clip here is all it takes to get its audio file generated.
 */
export const CLIP_WORDS: Readonly<Record<ClipId, string>> = Object.freeze(buildClipWords());

export function isClipId(id: string): id is ClipId {
  return Object.hasOwn(CLIP_WORDS, id);
}

/** The clip folder (`voice/<language>/<id>.<ext>`); chimes live with the Vietnamese set. */
export function clipLanguage(id: ClipId): AnnouncementLanguage {
  return id.startsWith('en-') ? 'en' : 'vi';
}

export const MIN_ANNOUNCED_COUNTER = 1;
export const MAX_ANNOUNCED_COUNTER = 999;

function assertNumberInRange(n: number, min: number, what: string): void {
  if (!Number.isInteger(n) || n < min || n > 999) {
    throw new RangeError(`${what} must be an integer ${min}–999, got ${n}`);
  }
}

/** Clip ids that speak a Vietnamese number 1–999 by the rules in the header. */
function viNumberClips(n: number): ViClipId[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const clips: string[] = [];
  if (hundreds > 0) clips.push(`num-${hundreds * 100}`);
  if (tens === 0) {
    if (units > 0) {
      if (hundreds > 0) clips.push('num-linh');
      clips.push(`num-${units}`);
    }
  } else {
    clips.push(`num-${tens * 10}`);
    if (units === 5) clips.push('num-lam');
    else if (units === 1 && tens >= 2) clips.push('num-mot');
    else if (units === 4 && tens >= 2) clips.push('num-tu');
    else if (units > 0) clips.push(`num-${units}`);
  }
  return clips as ViClipId[];
}

/** Clip ids that speak an English number 1–999 ("one hundred fifteen", no "and"). */
function enNumberClips(n: number): EnClipId[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const clips: string[] = [];
  if (hundreds > 0) clips.push(`en-num-${hundreds}`, 'en-num-hundred');
  if (rest >= 20) {
    clips.push(`en-num-${Math.floor(rest / 10) * 10}`);
    if (rest % 10 > 0) clips.push(`en-num-${rest % 10}`);
  } else if (rest > 0) {
    clips.push(`en-num-${rest}`);
  }
  return clips as EnClipId[];
}

/**
 * The Vietnamese words for 0–999, with diacritics, as spoken in a call:
 * 86 → ['tám', 'mươi', 'sáu'], 101 → ['một', 'trăm', 'linh', 'một'], 0 → ['không'].
 * Derived from the same clips the announcement plays, so the two cannot disagree.
 */
export function vietnameseNumberWords(n: number): string[] {
  assertNumberInRange(n, 0, 'number');
  const clips: ViClipId[] = n === 0 ? ['digit-0'] : viNumberClips(n);
  return clips.flatMap((clip) => CLIP_WORDS[clip].split(' '));
}

export interface CallAnnouncementInput {
  /** Ticket number `XXYYY` (five digits, sequence 001–999). */
  number: string;
  /** Counter number 1–999, read as a number. */
  counter: number;
  language?: AnnouncementLanguage;
  /** A "Gọi lại": same sentence, distinct chime. */
  recall?: boolean;
  /** 'full' (default): the whole polite sentence; 'short': ticket and counter only. */
  form?: AnnouncementForm;
  /** Start with the chime (default true). */
  chime?: boolean;
}

export type AnnouncementForm = 'full' | 'short';

/** The clip ids to play for a call (or recall) of `number` to `counter`. */
export function buildCallAnnouncement(input: CallAnnouncementInput): ClipId[] {
  const { number, counter, language = 'vi', recall = false, form = 'full', chime: withChime = true } = input;
  if (typeof number !== 'string' || parseTicketNumber(number) === null) {
    throw new RangeError(`ticket number must be five digits XXYYY with YYY 001–999, got "${String(number)}"`);
  }
  assertNumberInRange(counter, MIN_ANNOUNCED_COUNTER, 'counter');
  if (form !== 'full' && form !== 'short') throw new RangeError(`unsupported announcement form "${String(form)}"`);
  const short = form === 'short';
  const chime: ClipId[] = withChime ? [recall ? 'chime-recall' : 'chime'] : [];
  const digits = [...number].map(Number);
  if (language === 'en') {
    const ticket = digits.map((d) => `en-digit-${d}` as EnClipId);
    return short
      ? [...chime, ...ticket, 'en-counter', ...enNumberClips(counter)]
      : [...chime, 'en-ticket-number', ...ticket, 'en-please-go-to-counter', ...enNumberClips(counter)];
  }
  if (language !== 'vi') throw new RangeError(`unsupported announcement language "${String(language)}"`);
  const ticket = digits.map((d) => `digit-${d}` as ViClipId);
  return short
    ? [...chime, ...ticket, 'quay', ...viNumberClips(counter)]
    : [...chime, 'xin-moi-cong-dan-co-so-thu-tu', ...ticket, 'den-quay-so', ...viNumberClips(counter)];
}

/** Numeric value of a number clip (num-…, en-num-…), or null for any other clip. */
function numberClipValue(id: ClipId): number | null {
  switch (id) {
    case 'num-linh':
      return 0;
    case 'num-mot':
      return 1;
    case 'num-tu':
      return 4;
    case 'num-lam':
      return 5;
    default: {
      const match = /^(?:en-)?num-(\d+)$/.exec(id);
      return match ? Number(match[1]) : null;
    }
  }
}

const DIGIT_CLIP_RE = /^(?:en-)?digit-(\d)$/;

/**
 * The readable sentence of a clip sequence, for screens and logs: ticket digits are
 * shown as separated digits, a number as figures, chimes are silent.
 *   vi: "Xin mời công dân có số thứ tự 8 6 0 0 1 đến quầy số 86"
 *   en: "Ticket number 8 6 0 0 1, please go to counter 86"
 *   short: "8 6 0 0 2, quầy 87", "8 6 0 0 2, counter 87"
 */
export function announcementText(clips: readonly string[]): string {
  const parts: string[] = [];
  let digits: string[] = [];
  let number: number | null = null;
  const flush = (): void => {
    if (digits.length > 0) parts.push(digits.join(' '));
    if (number !== null) parts.push(String(number));
    digits = [];
    number = null;
  };
  for (const id of clips) {
    if (!isClipId(id)) throw new RangeError(`unknown clip id "${id}"`);
    const digit = DIGIT_CLIP_RE.exec(id);
    if (digit) {
      if (number !== null) flush();
      digits.push(digit[1]!);
      continue;
    }
    if (id === 'en-num-hundred') {
      // "one hundred …": the hundreds count was pushed just before.
      number = (number ?? 1) * 100;
      continue;
    }
    const value = numberClipValue(id);
    if (value !== null) {
      if (digits.length > 0) flush();
      number = (number ?? 0) + value;
      continue;
    }
    flush();
    const words = CLIP_WORDS[id];
    if (words === '') continue;
    // English puts a comma between the ticket and the instruction, as on screen.
    if ((id === 'en-please-go-to-counter' || id === 'en-counter' || id === 'quay') && parts.length > 0) parts[parts.length - 1] += ',';
    parts.push(words);
  }
  flush();
  return parts.join(' ');
}
