/**
 * Wording of the pairing screen (the kiosk's and the counter-display's). Shown in both
 * languages at once: nobody has chosen one yet.
 */
export const PAIRING_TEXT = {
  title: { vi: 'Thiết bị chưa được ghép nối', en: 'This device is not paired yet' },
  instruction: { vi: 'Nhập mã này tại trang Quản trị → Thiết bị', en: 'Enter this code in Admin → Devices' },
  hub: { vi: 'Máy chủ', en: 'Hub' },
  gettingCode: { vi: 'Đang lấy mã…', en: 'Getting a code…' },
  unreachable: { vi: 'Không kết nối được máy chủ, đang thử lại…', en: 'Cannot reach the hub, retrying…' },
  renews: { vi: 'Mã tự đổi trước khi hết hạn', en: 'The code renews itself before it expires' },
  skip: { vi: 'Nhập mã thiết bị bằng tay', en: 'Enter a device token by hand' },
} as const;

/** "123456" → "123 456": easier to read across a room and to type. */
export function formatPairingCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
