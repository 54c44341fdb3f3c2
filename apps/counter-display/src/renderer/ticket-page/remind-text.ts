import type { Language, ReminderStatus } from '@layso/shared';

type ReminderChannel = NonNullable<ReminderStatus['offer']>['channel'];

/** What the citizen is told the message travels by: the demo channel says it reaches no phone. */
const CHANNEL_NAMES: Record<Language, Record<ReminderChannel, string>> = {
  vi: { sms: 'tin nhắn SMS', zalo: 'tin nhắn Zalo', demo: 'tin nhắn thử của bản trình diễn (chỉ hiện trong trang quản trị, không gửi đến điện thoại)' },
  en: { sms: 'SMS', zalo: 'a Zalo message', demo: "the demo's test channel (shown in the admin console only, not sent to a phone)" },
};

/** The reminder's words, built from what the hub says is configured (channel, threshold, retention). */
export const remindText = {
  offer: (language: Language, channel: ReminderChannel, ahead: number) =>
    language === 'vi'
      ? `Trung tâm sẽ báo qua ${CHANNEL_NAMES.vi[channel]} khi còn ${ahead} người trước ông/bà và khi được mời đến quầy.`
      : `The center will tell you by ${CHANNEL_NAMES.en[channel]} when ${ahead} people are ahead of you and when you are called.`,
  consent: (language: Language, keepDays: number) =>
    language === 'vi'
      ? `Tôi đồng ý cho trung tâm dùng số điện thoại này chỉ để báo lượt. Số được xóa sau ${keepDays} ngày (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).`
      : `I agree that the center uses this number only to tell me about my turn. It is deleted after ${keepDays} days (Decree 13/2023/ND-CP on personal data protection).`,
  registered: (language: Language, channel: ReminderChannel, phone: string, ahead: number | null) =>
    language === 'vi'
      ? `Đã đăng ký nhắc qua ${CHANNEL_NAMES.vi[channel]} tới số ${phone}${ahead === null ? '' : `, khi còn ${ahead} người trước ông/bà`}.`
      : `Reminder set by ${CHANNEL_NAMES.en[channel]} to ${phone}${ahead === null ? '' : `, when ${ahead} people are ahead of you`}.`,
};
