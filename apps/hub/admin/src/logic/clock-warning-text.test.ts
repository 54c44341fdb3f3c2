import { describe, expect, it } from 'vitest';
import type { ClockStatus } from '@layso/shared';
import { text, type TextKey } from '../i18n/strings.js';
import { clockWarningHint, clockWarningLines } from './clock-warning-text.js';

const vi = (key: TextKey, values?: Record<string, string | number>) => text('vi', key, values);
const en = (key: TextKey, values?: Record<string, string | number>) => text('en', key, values);

// 09:00 on 10/03/2026 in Hà Nội, the RTC 400 days ahead, NTP back at 09:10; a restart found the clock behind.
const STATUS: ClockStatus = {
  now: '2026-03-10T02:10:00.000Z',
  warnings: [
    { kind: 'forward', from: '2026-03-10T02:00:00.000Z', to: '2027-04-14T02:00:00.000Z', atStart: false },
    { kind: 'backwards', from: '2027-04-14T02:05:00.000Z', to: '2026-03-10T02:10:00.000Z', atStart: false },
    { kind: 'backwards', from: '2027-04-14T02:05:00.000Z', to: '2026-03-10T02:10:00.000Z', atStart: true },
  ],
};

describe('clock warning sentences', () => {
  it('names each move with both times in the center time zone, Vietnamese first', () => {
    expect(clockWarningLines(vi, STATUS, 'Asia/Ho_Chi_Minh')).toEqual([
      'Đồng hồ nhảy tới hơn một giờ: từ 10/03/2026 09:00 đến 14/04/2027 09:00 (hoặc máy đã ở chế độ ngủ).',
      'Đồng hồ bị lùi lại: từ 14/04/2027 09:05 về 10/03/2026 09:10.',
      'Khi khởi động, đồng hồ chậm hơn thời điểm máy chủ đã ghi nhận trước đó: 14/04/2027 09:05, nay là 10/03/2026 09:10.',
    ]);
    expect(clockWarningLines(en, STATUS, 'Asia/Ho_Chi_Minh')[1]).toBe('The clock went back: from 14/04/2027 09:05 to 10/03/2026 09:10.');
  });

  it('gives the hub time now, to compare with a watch', () => {
    expect(clockWarningHint(vi, STATUS, 'Asia/Ho_Chi_Minh')).toContain('Giờ máy chủ hiện tại: 10/03/2026 09:10.');
    expect(clockWarningHint(en, STATUS, 'Asia/Tokyo')).toContain('Hub time now: 10/03/2026 11:10.');
  });

  it('says nothing when there is nothing to say', () => {
    expect(clockWarningLines(vi, { now: STATUS.now, warnings: [] }, 'Asia/Ho_Chi_Minh')).toEqual([]);
  });
});
