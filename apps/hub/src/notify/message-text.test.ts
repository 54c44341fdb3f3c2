import { describe, expect, it } from 'vitest';
import { bookingSmsText } from '@layso/shared';
import { messageTexts, SMS_MAX_CHARS, type MessageFacts } from './message-text.js';

const facts: MessageFacts = { number: '86004', serviceName: 'Công an tỉnh (XNC)', timeZone: 'Asia/Ho_Chi_Minh', counter: 86, ahead: 3, deadline: null };

describe('messageTexts', () => {
  it('"sắp đến lượt": accented for e-mail and Zalo, unaccented for SMS', () => {
    const texts = messageTexts('near', facts);
    expect(texts.rich).toBe('Số 86004 (Công an tỉnh (XNC)) sắp đến lượt: còn 3 người đang chờ trước bạn. Vui lòng có mặt gần quầy số 86.');
    expect(texts.sms).toBe('So 86004 (Cong an tinh (XNC)) sap den luot: con 3 nguoi dang cho truoc ban. Vui long co mat gan quay so 86.');
  });

  it('"sắp đến lượt" gives the wait in the words of the kiosk and the ticket page', () => {
    const texts = messageTexts('near', { ...facts, estWaitMin: 12 });
    expect(texts.rich).toBe('Số 86004 (Công an tỉnh (XNC)) sắp đến lượt: còn 3 người đang chờ trước bạn, dự kiến khoảng 5–20 phút. Vui lòng có mặt gần quầy số 86.');
    expect(texts.sms).toBe('So 86004 (Cong an tinh (XNC)) sap den luot: con 3 nguoi dang cho truoc ban, du kien khoang 5-20 phut. Vui long co mat gan quay so 86.');
    expect(messageTexts('near', { ...facts, estWaitMin: 2 }).rich).toContain('dự kiến dưới 5 phút.');
  });

  it('"đã đến lượt" invites to the counter', () => {
    expect(messageTexts('called', facts).rich).toBe('Mời công dân có số thứ tự 86004 đến quầy số 86.');
  });

  it('the booking confirmation is the seed text from the shared helper', () => {
    const deadline = Date.UTC(2020, 3, 3, 8, 17);
    const texts = messageTexts('booking', { ...facts, deadline });
    expect(texts.sms).toBe(bookingSmsText({ number: '86004', deadline, timeZone: 'Asia/Ho_Chi_Minh' }));
    expect(texts.sms).toContain('den truoc 15:17 phut ngay 03/04/2020');
    expect(texts.templateData.deadline).toBe('15:17 03/04/2020');
  });

  it('keeps every SMS within 160 characters, whatever the service name', () => {
    const long = messageTexts('near', { ...facts, serviceName: 'Thông tin và Truyền thông '.repeat(8) });
    expect(long.sms.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(long.sms).toMatch(/^[\x20-\x7e]+$/);
  });
});
