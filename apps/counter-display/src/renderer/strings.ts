import { create } from 'zustand';
import { t, type Language, type StringKey } from '@layso/shared';

/**
 * Wording used only by the counter-display screens (GLOSSARY.md words come from the
 * shared strings through `s()`). Vietnamese is the default; English is the second
 * language (`?lang=en` on the board, door and rate screens; a toggle on the console).
 *
 * The language is one per page: `UI.x`, `s()` and the helpers below read it when they
 * are called, so a screen re-rendered after `setUiLanguage()` speaks the new language
 * (the console's root subscribes with `useUiLanguage()`).
 */
const UI_VI = {
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
  clerkCode: 'Mã cán bộ',
  clerkPin: 'Mã PIN',
  clerkPinHint: 'Nhập mã cán bộ và mã PIN để bắt đầu làm việc.',
  clerkBadCredentials: 'Sai mã cán bộ hoặc mã PIN.',
  clerkLocked: 'Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau ít phút.',
  clerkRequired: 'Chưa có cán bộ đăng nhập tại quầy. Vui lòng đăng nhập lại.',
  findingCounter: 'Đang xác định quầy của thiết bị…',
  hubUnreachable: 'Không kết nối được máy chủ. Đang thử lại…',
  counterUnknown: 'Mã thiết bị này không thuộc quầy nào. Kiểm tra lại đường dẫn cấp cho thiết bị.',
  counterPaused: 'Quầy đang tạm nghỉ',
  nothingServed: 'Chưa có số đang phục vụ',
  busy: 'Đang xử lý…',
  loading: 'Đang tải…',
  noOneWaiting: 'Không có công dân đang chờ',
  undo: 'Hoàn tác',
  undoDone: 'Đã hoàn thành số {n}.',
  undoSkip: 'Đã ghi vắng mặt số {n}.',
  undoTransfer: 'Đã chuyển số {n} sang lĩnh vực {s}.',
  undoSeconds: 'còn {t} giây',
  undone: 'Đã hoàn tác: số {n} đang được phục vụ lại tại quầy.',
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
  ticketNumber: 'Số thứ tự',
  settingsOnlyInShell: 'Trang cài đặt chỉ dùng trong ứng dụng màn hình quầy.',
  switchLanguage: 'English',
  errorUnexpected: 'Có lỗi không mong muốn. Vui lòng thử lại.',
  errorNetwork: 'Không kết nối được máy chủ. Vui lòng thử lại.',
  errorBusy: 'Máy chủ đang bận, chưa có gì thay đổi. Vui lòng bấm lại.',
  errorForbidden: 'Mã thiết bị này không được thao tác trên quầy này.',
  errorConflict: 'Thao tác không phù hợp với trạng thái hiện tại của quầy (màn hình đã được cập nhật).',
  errorRateLimited: 'Thao tác quá nhanh, vui lòng thử lại sau ít phút.',
  errorNotFound: 'Không tìm thấy quầy hoặc lĩnh vực trên máy chủ.',
  rateQuestion: 'Ông/bà có hài lòng với sự phục vụ?',
  rateReasonQuestion: 'Xin cho biết lý do (không bắt buộc)',
  rateSend: 'Gửi đánh giá',
  rateSkipReason: 'Bỏ qua',
  rateThanks: 'Cảm ơn ông/bà đã đánh giá!',
  rateIdle: 'Cảm ơn ông/bà đã sử dụng dịch vụ',
  rateNeedsCounter: 'Thiếu số quầy trong đường dẫn (ví dụ /rate?counter=86).',
  scoreVerySatisfied: 'Rất hài lòng',
  scoreSatisfied: 'Hài lòng',
  scoreUnsatisfied: 'Không hài lòng',
  reasonWaitedTooLong: 'Chờ quá lâu',
  reasonUnfriendly: 'Thái độ phục vụ chưa tốt',
  reasonUnclearGuidance: 'Hướng dẫn chưa rõ ràng',
  reasonNotResolved: 'Hồ sơ chưa được giải quyết',
  reasonOther: 'Lý do khác',
} as const;

export type UiKey = keyof typeof UI_VI;

const UI_EN: Record<UiKey, string> = {
  offline: 'Connection lost',
  connecting: 'Connecting…',
  unauthorized: 'The device token is not valid or has been revoked',
  noToken: 'No device token. Open this page with the link issued for the device (ending in #token=…).',
  enableSound: 'Turn on sound',
  clerk: 'Clerk',
  clerkName: "Clerk's full name",
  deviceToken: 'Device token',
  signIn: 'Start work',
  signOut: 'Change clerk',
  signInTitle: 'Counter sign-in',
  clerkCode: 'Clerk code',
  clerkPin: 'PIN',
  clerkPinHint: 'Enter your clerk code and PIN to start work.',
  clerkBadCredentials: 'Wrong clerk code or PIN.',
  clerkLocked: 'Too many wrong attempts; locked for now. Please try again in a few minutes.',
  clerkRequired: 'No clerk is signed in at this counter. Please sign in again.',
  findingCounter: "Finding this device's counter…",
  hubUnreachable: 'Cannot reach the server. Retrying…',
  counterUnknown: 'This device token does not belong to any counter. Check the link issued for the device.',
  counterPaused: 'The counter is paused',
  nothingServed: 'No number is being served',
  busy: 'Working…',
  loading: 'Loading…',
  noOneWaiting: 'Nobody is waiting',
  undo: 'Undo',
  undoDone: 'Ticket {n} completed.',
  undoSkip: 'Ticket {n} marked as no-show.',
  undoTransfer: 'Ticket {n} transferred to {s}.',
  undoSeconds: '{t} s left',
  undone: 'Undone: ticket {n} is being served at this counter again.',
  noOtherService: 'No other service to transfer to',
  servedToday: 'Served today',
  avgService: 'Average service time',
  serviceTime: 'Service time',
  online: 'Online',
  notArrived: 'not checked in',
  arriveBefore: 'arrive before',
  transferredFrom: 'Transferred from',
  issuedAt: 'Taken at',
  pickTargetService: 'Choose the service to transfer to',
  cancel: 'Cancel',
  close: 'Close',
  nobodyCalled: 'No number called yet',
  doorNeedsCounter: 'The link has no counter number (e.g. /door?counter=86).',
  unknownPage: 'No such page. Use /counter, /door?counter=N or /board?area=….',
  lastCalls: 'Last calls',
  ticketNumber: 'Ticket number',
  settingsOnlyInShell: 'The settings page only works inside the counter display app.',
  switchLanguage: 'Tiếng Việt',
  errorUnexpected: 'Something went wrong. Please try again.',
  errorNetwork: 'Cannot reach the server. Please try again.',
  errorBusy: 'The server is busy; nothing was changed. Please press again.',
  errorForbidden: 'This device token may not act on this counter.',
  errorConflict: 'That action does not fit the counter’s current state (the screen has been updated).',
  errorRateLimited: 'Too many actions, please try again in a few minutes.',
  errorNotFound: 'The counter or service was not found on the server.',
  rateQuestion: 'Are you satisfied with our service?',
  rateReasonQuestion: 'Tell us why (optional)',
  rateSend: 'Send rating',
  rateSkipReason: 'Skip',
  rateThanks: 'Thank you for your rating!',
  rateIdle: 'Thank you for using our service',
  rateNeedsCounter: 'The link has no counter number (e.g. /rate?counter=86).',
  scoreVerySatisfied: 'Very satisfied',
  scoreSatisfied: 'Satisfied',
  scoreUnsatisfied: 'Not satisfied',
  reasonWaitedTooLong: 'Waited too long',
  reasonUnfriendly: 'Unfriendly service',
  reasonUnclearGuidance: 'Unclear guidance',
  reasonNotResolved: 'My case was not resolved',
  reasonOther: 'Other reason',
};

export const UI_STRINGS: Record<Language, Record<UiKey, string>> = { vi: UI_VI, en: UI_EN };

/** The page's language; Vietnamese unless the page asked for English. */
export const useLanguageStore = create<{ language: Language }>(() => ({ language: 'vi' }));

export function uiLanguage(): Language {
  return useLanguageStore.getState().language;
}

export function setUiLanguage(language: Language): void {
  useLanguageStore.setState({ language });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Subscribes a component (the screen's root) to the page language. */
export function useUiLanguage(): Language {
  return useLanguageStore((state) => state.language);
}

/** Local wording in the page's language, read at call time. */
export const UI: Readonly<Record<UiKey, string>> = Object.defineProperties(
  {},
  Object.fromEntries(
    (Object.keys(UI_VI) as UiKey[]).map((key) => [key, { enumerable: true, get: () => UI_STRINGS[uiLanguage()][key] }]),
  ),
) as Readonly<Record<UiKey, string>>;

/** A GLOSSARY word in the page's language. */
export function s(key: StringKey): string {
  return t(uiLanguage(), key);
}

/** "Quầy số 86" / "Counter 86". */
export function counterLabel(counter: number): string {
  return `${s('counter')} ${counter}`;
}

/** A clerk locked out after wrong PINs, with the end of the lock as HH:mm (center time). */
export function clerkLockedUntil(at: string): string {
  return uiLanguage() === 'en'
    ? `Too many wrong attempts; locked for now. Please try again after ${at}.`
    : `Nhập sai quá nhiều lần, tạm khoá. Vui lòng thử lại sau ${at}.`;
}

export function counterNotFound(counter: number): string {
  return uiLanguage() === 'en'
    ? `There is no counter ${counter} in the center's configuration.`
    : `Không có quầy số ${counter} trong cấu hình trung tâm.`;
}

export function unknownAreas(areas: readonly string[]): string {
  return uiLanguage() === 'en'
    ? `No such area: ${areas.join(', ')}. Check the screen's ?area= parameter.`
    : `Không có khu vực: ${areas.join(', ')}. Kiểm tra tham số ?area= của màn hình.`;
}

/** `lang=en` in the address asks for English; anything else (or nothing) is Vietnamese. */
export function languageFromSearch(search: string): Language | null {
  const lang = new URLSearchParams(search).get('lang')?.trim().toLowerCase();
  return lang === 'en' ? 'en' : lang === 'vi' ? 'vi' : null;
}

const CONSOLE_LANGUAGE_KEY = 'layso.console.language';

/** The console's remembered language (its toggle), or null. */
export function loadConsoleLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language | null {
  try {
    const saved = storage?.getItem(CONSOLE_LANGUAGE_KEY);
    return saved === 'en' || saved === 'vi' ? saved : null;
  } catch {
    return null;
  }
}

export function saveConsoleLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  try {
    storage?.setItem(CONSOLE_LANGUAGE_KEY, language);
  } catch {
    // Private mode or a full storage: the toggle still works for this session.
  }
}

/**
 * The language a page starts in: the console's remembered toggle (a `lang=` parameter
 * wins), `lang=` for the other screens, Vietnamese otherwise. The ticket page keeps its
 * own toggle.
 */
export function initialLanguage(role: string, search: string, storage: Pick<Storage, 'getItem'> | undefined): Language {
  const fromUrl = languageFromSearch(search);
  if (fromUrl) return fromUrl;
  if (role === 'console') return loadConsoleLanguage(storage) ?? 'vi';
  return 'vi';
}
