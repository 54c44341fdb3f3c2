import type { RatingReason, RatingScore } from '@layso/shared';

/** Wording of the rating screen (Vietnamese: it faces the citizen at a Vietnamese counter). */
export const RATE_UI = {
  question: 'Ông/bà có hài lòng với sự phục vụ?',
  reasonQuestion: 'Xin cho biết lý do (không bắt buộc)',
  send: 'Gửi đánh giá',
  skipReason: 'Bỏ qua',
  thanks: 'Cảm ơn ông/bà đã đánh giá!',
  idle: 'Cảm ơn ông/bà đã sử dụng dịch vụ',
  needsCounter: 'Thiếu số quầy trong đường dẫn (ví dụ /rate?counter=86).',
  ticket: 'Số thứ tự',
} as const;

export const SCORE_LABELS: Record<RatingScore, string> = {
  'very-satisfied': 'Rất hài lòng',
  satisfied: 'Hài lòng',
  unsatisfied: 'Không hài lòng',
};

export const REASON_LABELS: Record<RatingReason, string> = {
  'waited-too-long': 'Chờ quá lâu',
  unfriendly: 'Thái độ phục vụ chưa tốt',
  'unclear-guidance': 'Hướng dẫn chưa rõ ràng',
  'not-resolved': 'Hồ sơ chưa được giải quyết',
  other: 'Lý do khác',
};
