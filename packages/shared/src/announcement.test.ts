import { describe, expect, it } from 'vitest';
import {
  CHIME_CLIPS,
  CLIP_WORDS,
  announcementText,
  buildCallAnnouncement,
  clipLanguage,
  isClipId,
  vietnameseNumberWords,
  type ClipId,
} from './announcement.js';

const words = (n: number): string => vietnameseNumberWords(n).join(' ');

/** What the hall hears for a clip sequence, chimes left out. */
const spoken = (clips: readonly ClipId[]): string =>
  clips
    .map((id) => CLIP_WORDS[id])
    .filter((w) => w !== '')
    .join(' ');

describe('vietnameseNumberWords', () => {
  it('reads every GLOSSARY example exactly', () => {
    expect(words(1)).toBe('một');
    expect(words(10)).toBe('mười');
    expect(words(11)).toBe('mười một');
    expect(words(15)).toBe('mười lăm');
    expect(words(21)).toBe('hai mươi mốt');
    expect(words(24)).toBe('hai mươi tư');
    expect(words(25)).toBe('hai mươi lăm');
    expect(words(50)).toBe('năm mươi');
    expect(words(86)).toBe('tám mươi sáu');
    expect(words(101)).toBe('một trăm linh một');
  });

  it.each([
    [0, 'không'],
    [4, 'bốn'],
    [5, 'năm'],
    [9, 'chín'],
    [14, 'mười bốn'],
    [20, 'hai mươi'],
    [31, 'ba mươi mốt'],
    [34, 'ba mươi tư'],
    [45, 'bốn mươi lăm'],
    [55, 'năm mươi lăm'],
    [70, 'bảy mươi'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [200, 'hai trăm'],
    [205, 'hai trăm linh năm'],
    [444, 'bốn trăm bốn mươi tư'],
    [515, 'năm trăm mười lăm'],
    [555, 'năm trăm năm mươi lăm'],
    [701, 'bảy trăm linh một'],
    [910, 'chín trăm mười'],
    [999, 'chín trăm chín mươi chín'],
  ])('%i → "%s"', (n, expected) => {
    expect(words(n)).toBe(expected);
  });

  it('uses "mốt", "tư" and "lăm" only where the rules allow', () => {
    for (let n = 0; n <= 999; n++) {
      const w = vietnameseNumberWords(n);
      const tens = Math.floor(n / 10) % 10;
      const units = n % 10;
      const last = w[w.length - 1];
      if (units === 1 && tens >= 2) expect(last, `${n}`).toBe('mốt');
      else expect(w, `${n}`).not.toContain('mốt');
      if (units === 4 && tens >= 2) expect(last, `${n}`).toBe('tư');
      else expect(w, `${n}`).not.toContain('tư');
      if (units === 5 && tens >= 1) expect(last, `${n}`).toBe('lăm');
      else expect(w, `${n}`).not.toContain('lăm');
      expect(w.includes('linh'), `${n}`).toBe(n >= 100 && tens === 0 && units > 0);
      expect(w.includes('mười'), `${n}`).toBe(tens === 1);
      expect(w.includes('mươi'), `${n}`).toBe(tens >= 2);
    }
  });

  it('rejects numbers outside 0–999 and non-integers', () => {
    for (const bad of [-1, 1000, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => vietnameseNumberWords(bad), `${bad}`).toThrow(RangeError);
    }
  });
});

describe('buildCallAnnouncement', () => {
  it('builds the GLOSSARY call for 86001 at counter 86', () => {
    const clips = buildCallAnnouncement({ number: '86001', counter: 86 });
    expect(clips).toEqual([
      'chime',
      'xin-moi-cong-dan-co-so-thu-tu',
      'digit-8',
      'digit-6',
      'digit-0',
      'digit-0',
      'digit-1',
      'den-quay-so',
      'num-80',
      'num-6',
    ]);
    expect(spoken(clips)).toBe('Xin mời công dân có số thứ tự tám sáu không không một đến quầy số tám mươi sáu');
  });

  it('reads ticket digits one by one, never as a number', () => {
    const clips = buildCallAnnouncement({ number: '21015', counter: 21 });
    expect(spoken(clips)).toBe('Xin mời công dân có số thứ tự hai một không một năm đến quầy số hai mươi mốt');
    expect(buildCallAnnouncement({ number: '10999', counter: 10 }).slice(2, 7)).toEqual([
      'digit-1',
      'digit-0',
      'digit-9',
      'digit-9',
      'digit-9',
    ]);
  });

  it.each([
    [1, 'một'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [50, 'năm mươi'],
    [86, 'tám mươi sáu'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [200, 'hai trăm'],
    [999, 'chín trăm chín mươi chín'],
  ])('ends the sentence with counter %i read as "%s"', (counter, expected) => {
    const clips = buildCallAnnouncement({ number: '86001', counter });
    expect(spoken(clips)).toBe(`Xin mời công dân có số thứ tự tám sáu không không một đến quầy số ${expected}`);
  });

  it('speaks the same counter words as vietnameseNumberWords for every counter 1–999', () => {
    for (let counter = 1; counter <= 999; counter++) {
      const clips = buildCallAnnouncement({ number: '86001', counter });
      const counterClips = clips.slice(clips.indexOf('den-quay-so') + 1);
      expect(spoken(counterClips), `${counter}`).toBe(words(counter));
    }
  });

  it('uses only clip ids that exist in CLIP_WORDS, for every counter 1–999 in both languages', () => {
    const used = new Set<string>();
    for (let counter = 1; counter <= 999; counter++) {
      for (const language of ['vi', 'en'] as const) {
        for (const recall of [false, true]) {
          for (const form of ['full', 'short'] as const) {
            for (const id of buildCallAnnouncement({ number: '86001', counter, language, recall, form })) used.add(id);
          }
        }
      }
    }
    for (let d = 0; d <= 9; d++) {
      for (const id of buildCallAnnouncement({ number: `${d}${d}00${d || 1}`, counter: 1 })) used.add(id);
      for (const id of buildCallAnnouncement({ number: `${d}${d}00${d || 1}`, counter: 1, language: 'en' })) used.add(id);
    }
    for (const id of used) expect(isClipId(id), id).toBe(true);
    // …and, the other way round, every clip in the table is used by some call, so
    // the generation script ships no dead files.
    expect([...used].sort()).toEqual(Object.keys(CLIP_WORDS).sort());
  });

  it('keeps the Vietnamese vocabulary small and fixed', () => {
    const vi = Object.keys(CLIP_WORDS).filter((id) => clipLanguage(id as ClipId) === 'vi');
    expect(vi).toHaveLength(46);
  });

  it('has words for every speech clip and none for the chimes', () => {
    for (const [id, w] of Object.entries(CLIP_WORDS)) {
      if (CHIME_CLIPS.includes(id as ClipId)) expect(w, id).toBe('');
      else expect(w.trim(), id).not.toBe('');
    }
  });

  it('builds the short form of a queued call: ticket and counter only, chime optional', () => {
    expect(buildCallAnnouncement({ number: '86002', counter: 87, form: 'short' })).toEqual([
      'chime', 'digit-8', 'digit-6', 'digit-0', 'digit-0', 'digit-2', 'quay', 'num-80', 'num-7',
    ]);
    const bare = buildCallAnnouncement({ number: '86002', counter: 87, form: 'short', chime: false });
    expect(bare[0]).toBe('digit-8');
    expect(announcementText(bare)).toBe('8 6 0 0 2, quầy 87');
    expect(announcementText(buildCallAnnouncement({ number: '86002', counter: 87, form: 'short', language: 'en', chime: false }))).toBe(
      '8 6 0 0 2, counter 87',
    );
    expect(buildCallAnnouncement({ number: '86002', counter: 87, chime: false })[0]).toBe('xin-moi-cong-dan-co-so-thu-tu');
    expect(() => buildCallAnnouncement({ number: '86002', counter: 87, form: 'brief' as never })).toThrow(RangeError);
  });

  it('starts a recall with the recall chime and keeps the rest of the sentence', () => {
    const call = buildCallAnnouncement({ number: '86001', counter: 86 });
    const recall = buildCallAnnouncement({ number: '86001', counter: 86, recall: true });
    expect(recall[0]).toBe('chime-recall');
    expect(recall.slice(1)).toEqual(call.slice(1));
  });

  it('builds the English call with its own clips', () => {
    const clips = buildCallAnnouncement({ number: '86001', counter: 86, language: 'en' });
    expect(clips).toEqual([
      'chime',
      'en-ticket-number',
      'en-digit-8',
      'en-digit-6',
      'en-digit-0',
      'en-digit-0',
      'en-digit-1',
      'en-please-go-to-counter',
      'en-num-80',
      'en-num-6',
    ]);
    expect(spoken(clips)).toBe('Ticket number eight six zero zero one please go to counter eighty six');
    for (const id of clips.slice(1)) expect(clipLanguage(id), id).toBe('en');
    expect(clipLanguage('chime')).toBe('vi');
  });

  it.each([
    [1, 'one'],
    [13, 'thirteen'],
    [20, 'twenty'],
    [86, 'eighty six'],
    [100, 'one hundred'],
    [115, 'one hundred fifteen'],
    [999, 'nine hundred ninety nine'],
  ])('reads English counter %i as "%s"', (counter, expected) => {
    const clips = buildCallAnnouncement({ number: '86001', counter, language: 'en' });
    expect(spoken(clips.slice(clips.indexOf('en-please-go-to-counter') + 1))).toBe(expected);
  });

  it.each(['', '8600', '860010', '86000', 'abcde', '86 01', '８６００１', ' 86001'])(
    'rejects the ticket number "%s"',
    (number) => {
      expect(() => buildCallAnnouncement({ number, counter: 86 })).toThrow(RangeError);
    },
  );

  it.each([0, 1000, -1, 8.5, Number.NaN])('rejects counter %s', (counter) => {
    expect(() => buildCallAnnouncement({ number: '86001', counter })).toThrow(RangeError);
  });

  it('rejects an unknown language', () => {
    expect(() =>
      buildCallAnnouncement({ number: '86001', counter: 86, language: 'fr' as unknown as 'vi' }),
    ).toThrow(RangeError);
  });
});

describe('announcementText', () => {
  it('renders the Vietnamese call for screens and logs', () => {
    expect(announcementText(buildCallAnnouncement({ number: '86001', counter: 86 }))).toBe(
      'Xin mời công dân có số thứ tự 8 6 0 0 1 đến quầy số 86',
    );
  });

  it('renders a recall the same way', () => {
    expect(announcementText(buildCallAnnouncement({ number: '05120', counter: 5, recall: true }))).toBe(
      'Xin mời công dân có số thứ tự 0 5 1 2 0 đến quầy số 5',
    );
  });

  it('renders the English call', () => {
    expect(announcementText(buildCallAnnouncement({ number: '86001', counter: 86, language: 'en' }))).toBe(
      'Ticket number 8 6 0 0 1, please go to counter 86',
    );
  });

  it('renders every counter 1–999 back as its figures, in both languages', () => {
    for (let counter = 1; counter <= 999; counter++) {
      for (const language of ['vi', 'en'] as const) {
        const text = announcementText(buildCallAnnouncement({ number: '12345', counter, language }));
        expect(text.endsWith(` ${counter}`), `${language} ${counter}: ${text}`).toBe(true);
        expect(text, `${language} ${counter}`).toContain('1 2 3 4 5');
      }
    }
  });

  it('rejects unknown clip ids', () => {
    expect(() => announcementText(['chime', 'no-such-clip'])).toThrow(RangeError);
  });
});
