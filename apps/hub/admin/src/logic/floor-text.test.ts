import { describe, expect, it } from 'vitest';
import type { CounterFloor } from '@layso/shared';
import { text, type TextKey } from '../i18n/strings.js';
import { counterStateText, durationText } from './floor-text.js';

const vi = (key: TextKey, values?: Record<string, string | number>) => text('vi', key, values);
const en = (key: TextKey, values?: Record<string, string | number>) => text('en', key, values);
const NOW = Date.parse('2026-11-23T02:10:00.000Z');
const counter = (over: Partial<CounterFloor>): CounterFloor => ({ number: 86, state: 'idle', ticket: null, calledAt: null, clerk: null, consoleOnline: false, ...over });

describe('the Today page in words', () => {
  it('says durations as a person does, rounded down to whole minutes', () => {
    expect(durationText(vi, 59_999)).toBe('dưới 1 phút');
    expect(durationText(vi, 2 * 60_000 + 59_000)).toBe('2 phút');
    expect(durationText(vi, 65 * 60_000)).toBe('1 giờ 5 phút');
    expect(durationText(en, 65 * 60_000)).toBe('1 h 5 min');
    expect(durationText(vi, -5_000)).toBe('dưới 1 phút');
  });

  it('says what a counter is doing: the number served and since when, paused, or waiting to call', () => {
    const serving = counter({ state: 'serving', ticket: '86001', calledAt: new Date(NOW - 150_000).toISOString() });
    expect(counterStateText(vi, serving, NOW)).toBe('Đang phục vụ 86001 · 2 phút');
    expect(counterStateText(en, serving, NOW)).toBe('Serving 86001 · 2 min');
    expect(counterStateText(vi, counter({ state: 'paused' }), NOW)).toBe('Tạm nghỉ');
    expect(counterStateText(vi, counter({ state: 'paused', ticket: '86002' }), NOW)).toBe('Tạm nghỉ · số 86002 chưa xong');
    expect(counterStateText(vi, counter({}), NOW)).toBe('Đang chờ gọi số');
  });
});
