/**
 * Wording used by the kiosk only (shared wording is in @layso/shared STRINGS).
 * Vietnamese first; English is the second language.
 */
import { t as sharedText, type Language, type StringKey } from '@layso/shared';
import { fillTemplate } from '@layso/ui';

const vi = {
  switchLanguage: 'English',
  bigText: 'Chữ to',
  counterShort: 'Quầy',
  priorityHint: 'Dành cho',
  pickPriority: 'Chọn đối tượng ưu tiên',
  priorityFor: 'Ưu tiên',
  moreServices: 'và {n} lĩnh vực khác',
  checkinHint: 'Nhập số thứ tự trong tin nhắn và 4 số cuối điện thoại đã đăng ký',
  checkinNumber: 'Số thứ tự (5 chữ số)',
  checkinPhone: '4 số cuối điện thoại',
  checkinSubmit: 'Xác nhận đã đến',
  checkedIn: 'Đã xác nhận đã đến',
  checkinUnavailable: 'Chức năng này chưa sẵn sàng. Vui lòng liên hệ cán bộ hướng dẫn.',
  checkinNotFound: 'Không tìm thấy số thứ tự hoặc số điện thoại không khớp. Vui lòng kiểm tra lại hoặc liên hệ cán bộ hướng dẫn.',
  checkinConflict: 'Số thứ tự này đã hết hạn hoặc đã được xác nhận. Vui lòng lấy số mới hoặc liên hệ cán bộ hướng dẫn.',
  checkinInvalid: 'Vui lòng kiểm tra lại các số đã nhập.',
  keypadDelete: 'Xóa',
  keypadClear: 'Xóa hết',
  printing: 'Đang in phiếu…',
  printed: 'Vui lòng nhận phiếu in bên dưới',
  rememberNumber: 'Vui lòng ghi nhớ số thứ tự của bạn',
  sending: 'Đang lấy số, vui lòng chờ…',
  checkingIn: 'Đang xác nhận, vui lòng chờ…',
  retry: 'Thử lại',
  finish: 'Xong',
  serviceInactive: 'Tạm ngưng nhận hồ sơ',
  servicePaused: 'Tạm dừng',
  servicePausedMessage: 'Lĩnh vực này đang tạm dừng lấy số. Vui lòng chọn lĩnh vực khác hoặc liên hệ cán bộ hướng dẫn.',
  closedEarlyHint: 'Hôm nay trung tâm đã ngừng cấp số. Vui lòng quay lại vào ngày làm việc tiếp theo.',
  notProvisioned: 'Máy lấy số chưa sẵn sàng. Vui lòng liên hệ cán bộ hướng dẫn.',
  rateLimited: 'Vui lòng thử lại sau ít phút hoặc liên hệ cán bộ hướng dẫn.',
  storageFullCitizen: 'Chưa cấp được số thứ tự: máy chủ hết dung lượng lưu trữ. Vui lòng liên hệ cán bộ hướng dẫn.',
  unexpected: 'Đã có lỗi. Vui lòng thử lại hoặc liên hệ cán bộ hướng dẫn.',
  connecting: 'Đang kết nối…',
  closedHint: 'Vui lòng quay lại trong giờ làm việc',
  people: '{n} người',
  scrollForMore: 'Kéo xuống để xem thêm',
  scrollEnd: 'Đã đến cuối danh sách',
  scrollUp: 'Lên trên',
  scrollDown: 'Xuống dưới',
  cardHello: 'Xin chào, {name}',
  cardWillCheckIn: 'Kiosk sẽ tìm lịch hẹn trực tuyến hôm nay của bạn và in phiếu. Nếu không có lịch hẹn, bạn sẽ chọn dịch vụ.',
  cardContinue: 'Tiếp tục',
  cardNotMe: 'Không phải tôi',
  cardElderly: 'Bạn từ 60 tuổi trở lên: bạn được lấy số ưu tiên "Người cao tuổi".',
  cardTakePriority: 'Lấy số ưu tiên',
  cardRefused: 'Không đọc được thẻ căn cước. Vui lòng quét lại mã QR trên mặt trước thẻ, hoặc chọn dịch vụ trên màn hình.',
  cardRefusedDetail: 'Mã QR không đúng định dạng căn cước công dân ({reason}).',
  cardBack: 'Trở về',
} as const;

export type KioskTextKey = keyof typeof vi;

const en: Record<KioskTextKey, string> = {
  switchLanguage: 'Tiếng Việt',
  bigText: 'Large text',
  counterShort: 'Counter',
  priorityHint: 'For',
  pickPriority: 'Choose your priority group',
  priorityFor: 'Priority',
  moreServices: 'and {n} more',
  checkinHint: 'Enter the number from your message and the last 4 digits of the phone you registered',
  checkinNumber: 'Ticket number (5 digits)',
  checkinPhone: 'Last 4 digits of your phone',
  checkinSubmit: 'Check in',
  checkedIn: 'Checked in',
  checkinUnavailable: 'This is not available yet. Please ask the staff.',
  checkinNotFound: 'Number not found or the phone digits do not match. Please check them or ask the staff.',
  checkinConflict: 'This number has expired or was already used. Please take a new number or ask the staff.',
  checkinInvalid: 'Please check the digits you entered.',
  keypadDelete: 'Delete',
  keypadClear: 'Clear',
  printing: 'Printing your ticket…',
  printed: 'Please take your printed ticket below',
  rememberNumber: 'Please remember your number',
  sending: 'Getting your number, please wait…',
  checkingIn: 'Checking in, please wait…',
  retry: 'Try again',
  finish: 'Done',
  serviceInactive: 'Not available now',
  servicePaused: 'Paused',
  servicePausedMessage: 'This service is paused. Please choose another service or ask the staff.',
  closedEarlyHint: 'The center has stopped issuing numbers for today. Please come back on the next working day.',
  notProvisioned: 'This kiosk is not ready. Please ask the staff.',
  rateLimited: 'Please try again in a few minutes or ask the staff.',
  storageFullCitizen: 'No number was issued: the server\'s storage is full. Please ask the staff.',
  unexpected: 'Something went wrong. Please try again or ask the staff.',
  connecting: 'Connecting…',
  closedHint: 'Please come back during working hours',
  people: '{n}',
  scrollForMore: 'Scroll down for more',
  scrollEnd: 'End of the list',
  scrollUp: 'Up',
  scrollDown: 'Down',
  cardHello: 'Hello, {name}',
  cardWillCheckIn: 'The kiosk will look for your online booking today and print your ticket. Without a booking you will choose a service.',
  cardContinue: 'Continue',
  cardNotMe: 'Not me',
  cardElderly: 'You are 60 or older: you may take an "Elderly" priority ticket.',
  cardTakePriority: 'Take a priority ticket',
  cardRefused: 'The ID card could not be read. Please scan the QR code on the front of the card again, or choose a service on the screen.',
  cardRefusedDetail: 'The QR code is not a citizen ID card code ({reason}).',
  cardBack: 'Back',
};

const KIOSK_STRINGS: Record<Language, Record<KioskTextKey, string>> = { vi, en };

export type TextKey = KioskTextKey | StringKey;

function isKioskKey(key: TextKey): key is KioskTextKey {
  return key in vi;
}

/** Kiosk or shared wording in a language, with `{n}`-style values filled in. */
export function text(language: Language, key: TextKey, values: Record<string, string | number> = {}): string {
  const template = isKioskKey(key) ? KIOSK_STRINGS[language][key] : sharedText(language, key);
  return fillTemplate(template, values);
}
