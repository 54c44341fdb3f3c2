/**
 * Test data: the seed-001 ticket (counter 86, first number of 03/04/2020, 15:06
 * in Hanoi) and the paper it must produce, written out by hand from GLOSSARY.md.
 */
import type { PrintableTicket } from '../printer/ticket-layout.js';

export const SEED_TICKET: PrintableTicket = {
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
  areaName: 'Tầng 3',
  serviceName: 'Công an tỉnh (XNC)',
  number: '86001',
  counter: 86,
  issuedAt: '2020-04-03T08:06:00Z',
  timeZone: 'Asia/Ho_Chi_Minh',
  ahead: 4,
  estWaitMin: 20,
  statusUrl: 'http://127.0.0.1:8080/t/2020-04-03/86001',
  priorityName: 'Người cao tuổi',
};

const DASHES_80 = '-'.repeat(48);

/** The 80 mm ticket as `describePaper` prints it in cp1258 mode. */
export const SEED_TICKET_PAPER_80: readonly string[] = [
  'center bold | Trung tâm Phục vụ hành chính công tỉnh Quảng',
  'center bold | Ninh',
  'center | Tầng 3',
  'center bold | Công an tỉnh (XNC)',
  `left | ${DASHES_80}`,
  'center | Số thứ tự của bạn',
  'center bold x2x2 | 86001',
  'center bold | Quầy số 86',
  'center | Ưu tiên: Người cao tuổi',
  `left | ${DASHES_80}`,
  'left | 03/04/2020 15:06',
  'left | Số người đang chờ trước bạn: 4',
  'left | Thời gian chờ dự kiến: khoảng 15–30 phút',
  'qr model 2 M 6 | http://127.0.0.1:8080/t/2020-04-03/86001',
  'center | Vui lòng chờ đến lượt',
  'feed 3',
  'cut',
];

/** The same ticket on 58 mm paper in ascii mode. */
export const SEED_TICKET_PAPER_58_ASCII: readonly string[] = [
  'center bold | Trung tam Phuc vu hanh chinh',
  'center bold | cong tinh Quang Ninh',
  'center | Tang 3',
  'center bold | Cong an tinh (XNC)',
  `left | ${'-'.repeat(32)}`,
  'center | So thu tu cua ban',
  'center bold x2x2 | 86001',
  'center bold | Quay so 86',
  'center | Uu tien: Nguoi cao tuoi',
  `left | ${'-'.repeat(32)}`,
  'left | 03/04/2020 15:06',
  'left | So nguoi dang cho truoc ban: 4',
  // 32 columns on 58 mm paper: the range wraps.
  'left | Thoi gian cho du kien: khoang',
  'left | 15-30 phut',
  'qr model 2 M 6 | http://127.0.0.1:8080/t/2020-04-03/86001',
  'center | Vui long cho den luot',
  'feed 3',
  'cut',
];

/**
 * Raster mode prints each line as an image; these are the lines, in order, with
 * the style each is drawn in (dividers are images of their own, marked null).
 */
export const SEED_TICKET_RASTER_80: readonly ({
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  size: 1 | 2;
} | null)[] = [
  { text: 'Trung tâm Phục vụ hành chính công tỉnh Quảng', align: 'center', bold: true, size: 1 },
  { text: 'Ninh', align: 'center', bold: true, size: 1 },
  { text: 'Tầng 3', align: 'center', bold: false, size: 1 },
  { text: 'Công an tỉnh (XNC)', align: 'center', bold: true, size: 1 },
  null,
  { text: 'Số thứ tự của bạn', align: 'center', bold: false, size: 1 },
  { text: '86001', align: 'center', bold: true, size: 2 },
  { text: 'Quầy số 86', align: 'center', bold: true, size: 1 },
  { text: 'Ưu tiên: Người cao tuổi', align: 'center', bold: false, size: 1 },
  null,
  { text: '03/04/2020 15:06', align: 'left', bold: false, size: 1 },
  { text: 'Số người đang chờ trước bạn: 4', align: 'left', bold: false, size: 1 },
  { text: 'Thời gian chờ dự kiến: khoảng 15–30 phút', align: 'left', bold: false, size: 1 },
];
