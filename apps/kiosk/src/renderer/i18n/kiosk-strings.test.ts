import { describe, expect, it } from 'vitest';
import { text } from './kiosk-strings.js';

describe('kiosk wording', () => {
  it('speaks Vietnamese with diacritics and English', () => {
    expect(text('vi', 'kioskTitle')).toBe('LẤY SỐ THỨ TỰ');
    expect(text('en', 'kioskTitle')).toBe('TAKE A NUMBER');
    expect(text('vi', 'bookedOnline')).toBe('Đã lấy số trực tuyến?');
    expect(text('vi', 'checkinSubmit')).toBe('Xác nhận đã đến');
  });

  it('fills in values', () => {
    expect(text('vi', 'moreServices', { n: 14 })).toBe('và 14 lĩnh vực khác');
  });

  it('builds "Quầy số 86" from the shared wording', () => {
    expect(`${text('vi', 'counter')} 86`).toBe('Quầy số 86');
    expect(`${text('en', 'counter')} 86`).toBe('Counter 86');
  });
});
