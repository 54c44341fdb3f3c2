import { formatDate, formatTime } from './time.js';

export interface BookingMessageInput {
  number: string;
  deadline: Date | number | string;
  timeZone: string;
}

/**
 * The text a citizen receives after booking online, in the style of seed 001:
 * "So giao dich 86001. Ban vui long den truoc 15:17 phut ngay 03/04/2020. Sau thoi
 * gian tren vui long lay so khac tai trung tam". Unaccented and ≤ 160 characters so
 * it fits one SMS on any phone.
 */
export function bookingSmsText({ number, deadline, timeZone }: BookingMessageInput): string {
  return `So giao dich ${number}. Ban vui long den truoc ${formatTime(deadline, timeZone)} phut ngay ${formatDate(deadline, timeZone)}. Sau thoi gian tren vui long lay so khac tai trung tam`;
}

/** The same message with Vietnamese diacritics, for e-mail and Zalo. */
export function bookingEmailText({ number, deadline, timeZone }: BookingMessageInput): string {
  return `Số giao dịch ${number}. Bạn vui lòng đến trước ${formatTime(deadline, timeZone)} ngày ${formatDate(deadline, timeZone)}. Sau thời gian trên vui lòng lấy số khác tại trung tâm. Khi tới giao dịch, vui lòng mang theo tin nhắn hoặc email này.`;
}
