import { t, type StringKey } from '@layso/shared';

/**
 * Wording used only by the counter-display screens (GLOSSARY.md words come from the
 * shared strings through `s()`). Vietnamese only for now: these screens face a
 * Vietnamese hall; the English set can be added next to this one when needed.
 */
export const UI = {
  offline: 'Mất kết nối',
  connecting: 'Đang kết nối…',
  unauthorized: 'Mã thiết bị không hợp lệ hoặc đã bị thu hồi',
  noToken: 'Chưa có mã thiết bị. Mở trang này bằng đường dẫn cấp cho thiết bị (kết thúc bằng #token=…).',
  enableSound: 'Bật âm thanh',
  clerk: 'Cán bộ',
  clerkName: 'Họ và tên cán bộ',
  deviceToken: 'Mã thiết bị',
  signIn: 'Bắt đầu làm việc',
  signOut: 'Đổi cán bộ',
  signInTitle: 'Đăng nhập quầy',
  findingCounter: 'Đang xác định quầy của thiết bị…',
  hubUnreachable: 'Không kết nối được máy chủ. Đang thử lại…',
  counterUnknown: 'Mã thiết bị này không thuộc quầy nào. Kiểm tra lại đường dẫn cấp cho thiết bị.',
  counterPaused: 'Quầy đang tạm nghỉ',
  nothingServed: 'Chưa có số đang phục vụ',
  busy: 'Đang xử lý…',
  loading: 'Đang tải…',
  noOneWaiting: 'Không có công dân đang chờ',
  noOtherService: 'Không có lĩnh vực khác để chuyển',
  servedToday: 'Đã phục vụ hôm nay',
  avgService: 'Thời gian phục vụ trung bình',
  serviceTime: 'Thời gian phục vụ',
  online: 'Trực tuyến',
  notArrived: 'chưa đến',
  arriveBefore: 'đến trước',
  transferredFrom: 'Chuyển từ',
  issuedAt: 'Lấy số lúc',
  pickTargetService: 'Chọn lĩnh vực chuyển đến',
  cancel: 'Hủy',
  close: 'Đóng',
  nobodyCalled: 'Chưa có số nào được gọi',
  doorNeedsCounter: 'Thiếu số quầy trong đường dẫn (ví dụ /door?counter=86).',
  unknownPage: 'Trang không tồn tại. Dùng /counter, /door?counter=N hoặc /board?area=….',
  lastCalls: 'Số vừa gọi',
  settingsOnlyInShell: 'Trang cài đặt chỉ dùng trong ứng dụng màn hình quầy.',
} as const;

/** A GLOSSARY word, in Vietnamese. */
export function s(key: StringKey): string {
  return t('vi', key);
}

export function counterLabel(counter: number): string {
  return `${s('counter')} ${counter}`;
}

export function counterNotFound(counter: number): string {
  return `Không có quầy số ${counter} trong cấu hình trung tâm.`;
}

export function unknownAreas(areas: readonly string[]): string {
  return `Không có khu vực: ${areas.join(', ')}. Kiểm tra tham số ?area= của màn hình.`;
}
