import { describe, expect, it } from 'vitest';
import { bookingEmailText, bookingSmsText } from './booking-message.js';

describe('online booking message', () => {
  const seed = { number: '86001', deadline: '2020-04-03T08:17:00Z', timeZone: 'Asia/Ho_Chi_Minh' };

  it('reproduces seed 001 word for word', () => {
    expect(bookingSmsText(seed)).toBe(
      'So giao dich 86001. Ban vui long den truoc 15:17 phut ngay 03/04/2020. Sau thoi gian tren vui long lay so khac tai trung tam',
    );
  });

  it('fits one unaccented SMS', () => {
    const text = bookingSmsText({ ...seed, number: '99999', deadline: '2026-12-31T16:59:00Z' });
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });

  it('has diacritics in the e-mail version', () => {
    expect(bookingEmailText(seed)).toContain('Bạn vui lòng đến trước 15:17 ngày 03/04/2020');
  });
});
