import { HubApiError } from '@layso/shared/client';
import { UI, s } from '../strings.js';

/** A failed command in words a clerk can act on (the hub's own messages are English, for logs). */
export function errorText(error: unknown): string {
  if (!(error instanceof HubApiError)) return 'Có lỗi không mong muốn. Vui lòng thử lại.';
  switch (error.code) {
    case 'NETWORK':
      return 'Không kết nối được máy chủ. Vui lòng thử lại.';
    case 'UNAUTHENTICATED':
      return UI.unauthorized;
    case 'FORBIDDEN':
      return 'Mã thiết bị này không được thao tác trên quầy này.';
    case 'CONFLICT':
      return 'Thao tác không phù hợp với trạng thái hiện tại của quầy (màn hình đã được cập nhật).';
    case 'CLOSED':
      return s('closed');
    case 'RATE_LIMITED':
      return 'Thao tác quá nhanh, vui lòng thử lại sau ít phút.';
    case 'NOT_FOUND':
      return 'Không tìm thấy quầy hoặc lĩnh vực trên máy chủ.';
    default:
      return `Máy chủ báo lỗi (${error.code}). Vui lòng thử lại.`;
  }
}
