// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '@layso/shared';
import { REASON_LABELS, RATE_UI, SCORE_LABELS } from './rate/rate-strings.js';
import {
  UI,
  UI_STRINGS,
  counterLabel,
  counterNotFound,
  initialLanguage,
  languageFromSearch,
  loadConsoleLanguage,
  s,
  saveConsoleLanguage,
  setUiLanguage,
  unknownAreas,
  type UiKey,
} from './strings.js';

afterEach(() => setUiLanguage('vi'));

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('counter-display wording', () => {
  it('has every key in both languages, with non-empty text', () => {
    const keys = Object.keys(UI_STRINGS.vi).sort();
    expect(keys.length).toBeGreaterThan(40);
    for (const language of LANGUAGES) {
      expect(Object.keys(UI_STRINGS[language]).sort(), language).toEqual(keys);
      for (const key of keys) expect(UI_STRINGS[language][key as UiKey].trim(), `${language}.${key}`).not.toBe('');
    }
  });

  it('really translates: English differs from Vietnamese except for the toggle pair', () => {
    const same = (Object.keys(UI_STRINGS.vi) as UiKey[]).filter((k) => UI_STRINGS.vi[k] === UI_STRINGS.en[k]);
    expect(same).toEqual([]);
    expect(UI_STRINGS.vi.switchLanguage).toBe('English');
    expect(UI_STRINGS.en.switchLanguage).toBe('Tiếng Việt');
  });

  it('speaks Vietnamese by default and GLOSSARY English after setUiLanguage("en")', () => {
    expect(s('boardTitle')).toBe('MỜI CÔNG DÂN ĐẾN QUẦY');
    expect(counterLabel(86)).toBe('Quầy số 86');
    expect(UI.offline).toBe('Mất kết nối');
    expect(s('next')).toBe('Gọi số tiếp');
    setUiLanguage('en');
    expect(s('boardTitle')).toBe('NOW CALLING');
    expect(s('nowServing')).toBe('Now serving');
    expect([s('next'), s('recall'), s('noShow'), s('done'), s('transfer'), s('pause'), s('resume')]).toEqual([
      'Call next',
      'Recall',
      'No-show',
      'Done',
      'Transfer',
      'Pause',
      'Resume',
    ]);
    expect(counterLabel(86)).toBe('Counter 86');
    expect(UI.offline).toBe('Connection lost');
    expect(counterNotFound(99)).toContain('no counter 99');
    expect(unknownAreas(['x'])).toContain('No such area: x');
    expect(document.documentElement.lang).toBe('en');
  });

  it('translates the rating screen too', () => {
    expect(RATE_UI.send).toBe('Gửi đánh giá');
    setUiLanguage('en');
    expect(RATE_UI.send).toBe('Send rating');
    expect(SCORE_LABELS['very-satisfied']).toBe('Very satisfied');
    expect(REASON_LABELS.other).toBe('Other reason');
    expect(Object.values(REASON_LABELS).every((text) => text !== '')).toBe(true);
  });

  it('takes lang=en from the address for the board, door and rate screens', () => {
    expect(languageFromSearch('?area=tang-3&lang=en')).toBe('en');
    expect(languageFromSearch('?lang=EN')).toBe('en');
    expect(languageFromSearch('?lang=vi')).toBe('vi');
    expect(languageFromSearch('?lang=fr')).toBeNull();
    expect(languageFromSearch('')).toBeNull();
    for (const role of ['board', 'door', 'rate']) {
      expect(initialLanguage(role, '?lang=en', undefined)).toBe('en');
      expect(initialLanguage(role, '?area=tang-3', undefined)).toBe('vi');
    }
  });

  it("remembers the console's toggle; a lang= parameter still wins", () => {
    const storage = memoryStorage();
    expect(initialLanguage('console', '', storage)).toBe('vi');
    saveConsoleLanguage(storage, 'en');
    expect(loadConsoleLanguage(storage)).toBe('en');
    expect(initialLanguage('console', '', storage)).toBe('en');
    expect(initialLanguage('console', '?lang=vi', storage)).toBe('vi');
    // Only the console remembers: a board on the same machine stays Vietnamese.
    expect(initialLanguage('board', '', storage)).toBe('vi');
    storage.setItem('layso.console.language', 'de');
    expect(loadConsoleLanguage(storage)).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(loadConsoleLanguage(broken)).toBeNull();
  });
});
