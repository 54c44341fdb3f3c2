/**
 * UI wording shared by more than one app, fixed by ../shared/GLOSSARY.md.
 * Vietnamese is the default language; English is the second.
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const vi = {
  kioskTitle: 'LẤY SỐ THỨ TỰ',
  pickArea: 'Chọn khu vực',
  pickService: 'Chọn lĩnh vực cần giao dịch',
  yourNumber: 'Số thứ tự của bạn',
  counter: 'Quầy số',
  waitYourTurn: 'Vui lòng chờ đến lượt',
  bookedOnline: 'Đã lấy số trực tuyến?',
  queueFull: 'Đã hết số thứ tự trong ngày',
  closed: 'Ngoài giờ làm việc',
  systemPaused: 'Hệ thống tạm ngưng, vui lòng chờ trong giây lát',
  printerProblem: 'Máy in đang gặp sự cố, vui lòng ghi nhớ số thứ tự',
  next: 'Gọi số tiếp',
  recall: 'Gọi lại',
  noShow: 'Vắng mặt',
  done: 'Hoàn thành',
  transfer: 'Chuyển lĩnh vực',
  pause: 'Tạm nghỉ',
  resume: 'Tiếp tục',
  nowServing: 'Đang phục vụ',
  boardTitle: 'MỜI CÔNG DÂN ĐẾN QUẦY',
  currentTransaction: 'Giao dịch hiện tại',
  waiting: 'Đang chờ',
  ahead: 'Số người đang chờ trước bạn',
  estimatedWait: 'Thời gian chờ dự kiến',
  minutes: 'phút',
  priority: 'Ưu tiên',
  paused: 'Tạm nghỉ',
  none: 'Chưa có',
  back: 'Trở về',
  storageFull: 'Máy chủ hết dung lượng lưu trữ, chưa ghi được. Vui lòng báo quản trị viên.',
} as const;

export type StringKey = keyof typeof vi;

const en: Record<StringKey, string> = {
  kioskTitle: 'TAKE A NUMBER',
  pickArea: 'Choose an area',
  pickService: 'Choose a service',
  yourNumber: 'Your number',
  counter: 'Counter',
  waitYourTurn: 'Please wait for your turn',
  bookedOnline: 'Booked online?',
  queueFull: 'No more numbers today',
  closed: 'Outside working hours',
  systemPaused: 'The system is paused, please wait',
  printerProblem: 'The printer has a problem, please remember your number',
  next: 'Call next',
  recall: 'Recall',
  noShow: 'No-show',
  done: 'Done',
  transfer: 'Transfer',
  pause: 'Pause',
  resume: 'Resume',
  nowServing: 'Now serving',
  boardTitle: 'NOW CALLING',
  currentTransaction: 'Now serving',
  waiting: 'Waiting',
  ahead: 'People ahead',
  estimatedWait: 'Estimated wait',
  minutes: 'min',
  priority: 'Priority',
  paused: 'Paused',
  none: 'None',
  back: 'Back',
  storageFull: 'The server\'s storage is full; nothing was saved. Please tell the administrator.',
};

export const STRINGS: Record<Language, Record<StringKey, string>> = { vi, en };

export function t(language: Language, key: StringKey): string {
  return STRINGS[language][key];
}
