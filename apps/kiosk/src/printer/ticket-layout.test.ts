import { describe, expect, it } from 'vitest';
import type { PrintCommand } from './print-commands.js';
import { layoutTicket } from './ticket-layout.js';
import type { PrintableTicket } from './ticket-layout.js';

const ticket: PrintableTicket = {
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
  areaName: 'Tầng 3',
  serviceName: 'Công an tỉnh (XNC)',
  number: '86001',
  counter: 86,
  issuedAt: '2020-04-03T08:06:00Z',
  timeZone: 'Asia/Ho_Chi_Minh',
  ahead: 4,
  estWaitMin: 20,
  statusUrl: 'http://192.0.2.10:8080/t/2020-04-03/86001',
};

/** One readable row per command, so a failing test shows the whole ticket. */
function render(commands: PrintCommand[]): string[] {
  return commands.map((command) => {
    switch (command.kind) {
      case 'text':
        return `${command.align}${command.bold ? ' bold' : ''}${command.size === 2 ? ' x2' : ''} | ${command.text}`;
      case 'qr':
        return `qr | ${command.payload}`;
      case 'feed':
        return `feed ${command.lines}`;
      default:
        return command.kind;
    }
  });
}

describe('layoutTicket', () => {
  it('lays out an 80 mm ticket in Vietnamese', () => {
    expect(render(layoutTicket(ticket, '80mm'))).toEqual([
      'center bold | Trung tâm Phục vụ hành chính công tỉnh Quảng',
      'center bold | Ninh',
      'center | Tầng 3',
      'center bold | Công an tỉnh (XNC)',
      'divider',
      'center | Số thứ tự của bạn',
      'center bold x2 | 86001',
      'center bold | Quầy số 86',
      'divider',
      'left | 03/04/2020 15:06',
      'left | Số người đang chờ trước bạn: 4',
      'left | Thời gian chờ dự kiến: khoảng 15–30 phút',
      'qr | http://192.0.2.10:8080/t/2020-04-03/86001',
      'center | Vui lòng chờ đến lượt',
      'feed 3',
      'cut',
    ]);
  });

  it('marks a reprint at the top, in the ticket language', () => {
    expect(render(layoutTicket({ ...ticket, reprint: true }, '80mm')).slice(0, 2)).toEqual(['center bold | IN LẠI', 'center bold | Trung tâm Phục vụ hành chính công tỉnh Quảng']);
    expect(render(layoutTicket({ ...ticket, reprint: true, language: 'en' }, '80mm'))[0]).toBe('center bold | REPRINT');
    expect(render(layoutTicket({ ...ticket, reprint: false }, '80mm'))[0]).toBe('center bold | Trung tâm Phục vụ hành chính công tỉnh Quảng');
  });

  it('wraps on word boundaries for 58 mm paper', () => {
    const rows = render(layoutTicket({ ...ticket, serviceName: 'Đăng ký kinh doanh và Thông tin & Truyền thông' }, '58mm'));
    expect(rows.slice(0, 6)).toEqual([
      'center bold | Trung tâm Phục vụ hành chính',
      'center bold | công tỉnh Quảng Ninh',
      'center | Tầng 3',
      'center bold | Đăng ký kinh doanh và Thông tin',
      'center bold | & Truyền thông',
      'divider',
    ]);
  });

  it('adds the priority line when the ticket has one', () => {
    const rows = render(layoutTicket({ ...ticket, priorityName: 'Người cao tuổi' }, '80mm'));
    expect(rows.slice(7, 10)).toEqual(['center bold | Quầy số 86', 'center | Ưu tiên: Người cao tuổi', 'divider']);
  });

  it('leaves the priority line out for null or empty priority', () => {
    for (const priorityName of [null, '']) {
      expect(render(layoutTicket({ ...ticket, priorityName }, '80mm')).some((row) => row.includes('Ưu tiên'))).toBe(
        false,
      );
    }
  });

  it('prints the issue time in the center time zone, not in UTC', () => {
    const at = (issuedAt: string, timeZone: string) =>
      layoutTicket({ ...ticket, issuedAt, timeZone }, '80mm').find(
        (command) => command.kind === 'text' && /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(command.text),
      );
    expect(at('2020-04-03T08:06:00Z', 'Asia/Ho_Chi_Minh')).toMatchObject({ text: '03/04/2020 15:06' });
    // 17:30 UTC is already the next day in Vietnam.
    expect(at('2020-12-31T17:30:00Z', 'Asia/Ho_Chi_Minh')).toMatchObject({ text: '01/01/2021 00:30' });
    expect(at('2020-04-03T08:06:00Z', 'UTC')).toMatchObject({ text: '03/04/2020 08:06' });
  });

  it('prints the English wording for an English ticket', () => {
    const rows = render(layoutTicket({ ...ticket, language: 'en', priorityName: 'Elderly' }, '80mm'));
    expect(rows.filter((row) => !row.includes('Trung tâm') && !row.includes('Ninh'))).toEqual([
      'center | Tầng 3',
      'center bold | Công an tỉnh (XNC)',
      'divider',
      'center | Your number',
      'center bold x2 | 86001',
      'center bold | Counter 86',
      'center | Priority: Elderly',
      'divider',
      'left | 03/04/2020 15:06',
      'left | People ahead: 4',
      'left | Estimated wait: about 15–30 min',
      'qr | http://192.0.2.10:8080/t/2020-04-03/86001',
      'center | Please wait for your turn',
      'feed 3',
      'cut',
    ]);
  });

  it('never prints a line wider than the paper', () => {
    const long = { ...ticket, centerName: 'Trung tâm '.repeat(12), serviceName: 'X'.repeat(70), number: '86001' };
    for (const [paper, columns] of [
      ['80mm', 48],
      ['58mm', 32],
    ] as const) {
      for (const command of layoutTicket(long, paper)) {
        if (command.kind === 'text') expect(Array.from(command.text).length * command.size).toBeLessThanOrEqual(columns);
      }
    }
  });
});
