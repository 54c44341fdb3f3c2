import { bookingEmailText, bookingSmsText, foldVietnamese, formatDate, formatTime, formatWait, type NotificationKind } from '@layso/shared';

export interface MessageFacts {
  number: string;
  serviceName: string;
  timeZone: string;
  /** The counter called to ("called"), or the service's first counter otherwise. */
  counter: number | null;
  ahead: number;
  /** "sắp đến lượt": the hub's wait estimate, worded as on the kiosk and the ticket page. */
  estWaitMin?: number;
  /** Online bookings: arrive before this instant. */
  deadline: number | null;
}

export interface MessageTexts {
  /** Vietnamese with diacritics: e-mail and Zalo. */
  rich: string;
  /** Unaccented, at most 160 characters: one SMS on any phone. */
  sms: string;
  /** Zalo ZNS template parameters. */
  templateData: Record<string, string>;
}

export const SMS_MAX_CHARS = 160;

function richText(kind: NotificationKind, facts: MessageFacts): string {
  switch (kind) {
    case 'booking':
      return bookingEmailText({ number: facts.number, deadline: facts.deadline ?? 0, timeZone: facts.timeZone });
    case 'near':
      return `Số ${facts.number} (${facts.serviceName}) sắp đến lượt: còn ${facts.ahead} người đang chờ trước bạn${facts.estWaitMin === undefined ? '' : `, dự kiến ${formatWait(facts.estWaitMin)}`}. Vui lòng có mặt gần quầy số ${facts.counter ?? ''}.`;
    case 'called':
      return `Mời công dân có số thứ tự ${facts.number} đến quầy số ${facts.counter ?? ''}.`;
    case 'expired':
      return `Số ${facts.number} đã hết hạn. Vui lòng lấy số khác tại trung tâm.`;
  }
}

/** The SMS: the seed's own text for bookings, otherwise the rich text folded to ASCII. */
function smsText(kind: NotificationKind, facts: MessageFacts, rich: string): string {
  // The range's en dash is no SMS character: a hyphen.
  const text = kind === 'booking' ? bookingSmsText({ number: facts.number, deadline: facts.deadline ?? 0, timeZone: facts.timeZone }) : foldVietnamese(rich).replace(/–/g, '-');
  return text.length <= SMS_MAX_CHARS ? text : `${text.slice(0, SMS_MAX_CHARS - 1)}.`;
}

/** Every text of one message, for whichever channel carries it. */
export function messageTexts(kind: NotificationKind, facts: MessageFacts): MessageTexts {
  const rich = richText(kind, facts);
  const deadline = facts.deadline === null ? '' : `${formatTime(facts.deadline, facts.timeZone)} ${formatDate(facts.deadline, facts.timeZone)}`;
  return {
    rich,
    sms: smsText(kind, facts, rich),
    templateData: { number: facts.number, service: facts.serviceName, counter: String(facts.counter ?? ''), ahead: String(facts.ahead), deadline },
  };
}
