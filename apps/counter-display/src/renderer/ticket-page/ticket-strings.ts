import type { Language } from '@layso/shared';

/**
 * Wording of the citizen's ticket page (a phone in the citizen's hand, not a hall
 * screen): Vietnamese first, English behind a toggle. GLOSSARY.md words are reused.
 */
const vi = {
  title: 'Số thứ tự của bạn',
  service: 'Lĩnh vực',
  counter: 'Quầy số',
  current: 'Giao dịch hiện tại',
  ahead: 'Số người đang chờ trước bạn',
  estimate: 'Thời gian chờ dự kiến',
  minutes: 'phút',
  none: 'Chưa có',
  waiting: 'Vui lòng chờ đến lượt',
  booked: 'Đã lấy số trực tuyến, vui lòng đến trung tâm',
  calledAt: 'Mời đến quầy',
  done: 'Đã hoàn thành giao dịch. Cảm ơn ông/bà!',
  skipped: 'Số đã bị bỏ qua do vắng mặt. Vui lòng liên hệ quầy.',
  expired: 'Số đã hết hạn. Vui lòng lấy số khác tại trung tâm.',
  cancelled: 'Số đã bị hủy.',
  transferred: 'Số đã được chuyển lĩnh vực.',
  notFound: 'Không tìm thấy số thứ tự này.',
  badLink: 'Đường dẫn không hợp lệ. Vui lòng quét lại mã QR trên phiếu.',
  loading: 'Đang tải…',
  offline: 'Mất kết nối, đang thử lại…',
  switchLanguage: 'English',
  remindTitle: 'Báo cho tôi khi sắp đến lượt',
  remindPhone: 'Số điện thoại',
  remindSubmit: 'Đăng ký nhắc',
  remindConsentNeeded: 'Vui lòng đánh dấu đồng ý trước khi đăng ký.',
  remindInvalid: 'Số điện thoại không hợp lệ.',
  remindLimited: 'Ông/bà đã thử quá nhiều lần, vui lòng thử lại sau.',
  remindFailed: 'Không đăng ký được, vui lòng thử lại.',
} as const;

export type TicketStringKey = keyof typeof vi;

const en: Record<TicketStringKey, string> = {
  title: 'Your number',
  service: 'Service',
  counter: 'Counter',
  current: 'Now serving',
  ahead: 'People ahead',
  estimate: 'Estimated wait',
  minutes: 'min',
  none: 'None',
  waiting: 'Please wait for your turn',
  booked: 'Booked online, please come to the center',
  calledAt: 'Please go to counter',
  done: 'Your transaction is done. Thank you!',
  skipped: 'Your number was skipped (no-show). Please ask at the counter.',
  expired: 'This number has expired. Please take a new one at the center.',
  cancelled: 'This number was cancelled.',
  transferred: 'This number was transferred to another service.',
  notFound: 'This number was not found.',
  badLink: 'This link is not valid. Please scan the QR code on your ticket again.',
  loading: 'Loading…',
  offline: 'Connection lost, retrying…',
  switchLanguage: 'Tiếng Việt',
  remindTitle: 'Tell me when my turn is near',
  remindPhone: 'Phone number',
  remindSubmit: 'Remind me',
  remindConsentNeeded: 'Please tick the consent box first.',
  remindInvalid: 'This phone number is not valid.',
  remindLimited: 'Too many attempts, please try again later.',
  remindFailed: 'Could not sign up, please try again.',
};

const STRINGS: Record<Language, Record<TicketStringKey, string>> = { vi, en };

export function ts(language: Language, key: TicketStringKey): string {
  return STRINGS[language][key];
}
