import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAt, ageOn, CccdRefusal, parseCccdQr, serializeCccdQr, type CccdCard } from './cccd-qr.js';

const TODAY = { today: '2026-12-03' };
// Shaped like real cards (made-up people): province 079 = TP.HCM, 001 = Hà Nội.
const MAN_1990 = '079090001234|025123456|Nguyễn Văn An|01011990|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15062021';
const WOMAN_1958_NO_CMND = '001158012345||Trần Thị Bích Ngọc|29021960|Nữ|Thôn Đông, Xã Phú Minh, Huyện Sóc Sơn, Hà Nội|03112022';
const GIRL_2008 = '001308004321||Lê Thị Mai|31122008|Nữ|Số 5 ngõ 12 Phố Huế, Hai Bà Trưng, Hà Nội|10012024';

describe('parseCccdQr', () => {
  it('reads a card with the old CMND number', () => {
    expect(parseCccdQr(MAN_1990, TODAY)).toEqual({
      ok: true,
      card: {
        id: '079090001234',
        oldId: '025123456',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-01-01',
        sex: 'Nam',
        address: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
        issueDate: '2021-06-15',
      },
    });
  });

  it('reads cards without the old number, a leap-day birth and a 2000s birth', () => {
    // 001158... is a woman born in 1958 by the ID; the printed date must agree, so 1960 is refused...
    expect(parseCccdQr(WOMAN_1958_NO_CMND, TODAY)).toEqual({ ok: false, reason: CccdRefusal.IdMismatch });
    // ...and the same card with her real birth year (1960 → digits 60) is read.
    const woman = parseCccdQr(WOMAN_1958_NO_CMND.replace('001158', '001160'), TODAY);
    expect(woman.ok && woman.card).toMatchObject({ oldId: null, dateOfBirth: '1960-02-29', sex: 'Nữ' });
    const girl = parseCccdQr(GIRL_2008, TODAY);
    expect(girl.ok && girl.card).toMatchObject({ id: '001308004321', dateOfBirth: '2008-12-31' });
  });

  it.each([
    ['empty', '', CccdRefusal.FieldCount],
    ['a URL QR', 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', CccdRefusal.FieldCount],
    ['a booking code', 'LS-20261203-0042', CccdRefusal.FieldCount],
    ['one field missing', MAN_1990.split('|').slice(0, 6).join('|'), CccdRefusal.FieldCount],
    ['an extra field', `${MAN_1990}|x`, CccdRefusal.FieldCount],
    ['the scanner terminator left on', `${MAN_1990}\r\n`, CccdRefusal.IssueDate],
    ['11-digit ID', MAN_1990.replace('079090001234', '07909000123'), CccdRefusal.IdFormat],
    ['ID with a letter', MAN_1990.replace('079090001234', '07909000123O'), CccdRefusal.IdFormat],
    ['full-width digits', MAN_1990.replace('079090001234', '０７９０９０００１２３４'), CccdRefusal.IdFormat],
    ['8-digit CMND', MAN_1990.replace('025123456', '02512345'), CccdRefusal.OldIdFormat],
    ['empty name', MAN_1990.replace('Nguyễn Văn An', ''), CccdRefusal.Name],
    ['name with digits', MAN_1990.replace('Nguyễn Văn An', 'Nguyễn Văn 4n'), CccdRefusal.Name],
    ['name with a double space', MAN_1990.replace('Nguyễn Văn An', 'Nguyễn  Văn An'), CccdRefusal.Name],
    ['name with a leading space', MAN_1990.replace('Nguyễn Văn An', ' Nguyễn Văn An'), CccdRefusal.Name],
    ['31 February', MAN_1990.replace('01011990', '31021990'), CccdRefusal.DateOfBirth],
    ['29 February of a common year', MAN_1990.replace('01011990', '29021990'), CccdRefusal.DateOfBirth],
    ['month 13', MAN_1990.replace('01011990', '01131990'), CccdRefusal.DateOfBirth],
    ['day 00', MAN_1990.replace('01011990', '00011990'), CccdRefusal.DateOfBirth],
    ['yyyyMMdd order', MAN_1990.replace('01011990', '19900101'), CccdRefusal.DateOfBirth],
    ['born in 1899', MAN_1990.replace('01011990', '31121899'), CccdRefusal.DateOfBirth],
    ['born tomorrow', MAN_1990.replace('01011990', '04122026'), CccdRefusal.DateOfBirth],
    ['sex in English', MAN_1990.replace('|Nam|', '|Male|'), CccdRefusal.Sex],
    ['sex in lower case', MAN_1990.replace('|Nam|', '|nam|'), CccdRefusal.Sex],
    ['empty address', MAN_1990.replace('12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh', ''), CccdRefusal.Address],
    ['address with a control char', MAN_1990.replace('12 Lê', '12\x1bLê'), CccdRefusal.Address],
    ['address with a trailing space', MAN_1990.replace('Hồ Chí Minh|', 'Hồ Chí Minh |'), CccdRefusal.Address],
    ['issued before 2016', MAN_1990.replace('15062021', '15062015'), CccdRefusal.IssueDate],
    ['issued in the future', MAN_1990.replace('15062021', '04122026'), CccdRefusal.IssueDate],
    ['issue date 30 February', MAN_1990.replace('15062021', '30022021'), CccdRefusal.IssueDate],
    ['ID says woman, card says man', MAN_1990.replace('079090001234', '079190001234'), CccdRefusal.IdMismatch],
    ['ID says born 91', MAN_1990.replace('079090001234', '079091001234'), CccdRefusal.IdMismatch],
    ['ID says 2000s', MAN_1990.replace('079090001234', '079290001234'), CccdRefusal.IdMismatch],
    ['too long', `${MAN_1990}${'a'.repeat(500)}`, CccdRefusal.TooLong],
  ])('refuses %s', (_label, payload, reason) => {
    expect(parseCccdQr(payload, TODAY)).toEqual({ ok: false, reason });
  });

  it('refuses things that are not text', () => {
    for (const value of [undefined, null, 42, {}, ['a']]) {
      expect(parseCccdQr(value, TODAY)).toEqual({ ok: false, reason: CccdRefusal.FieldCount });
    }
  });

  it('re-serialises a read card to the same payload', () => {
    for (const payload of [MAN_1990, GIRL_2008]) {
      const result = parseCccdQr(payload, TODAY);
      expect(result.ok && serializeCccdQr(result.card)).toBe(payload);
    }
  });
});

describe('parseCccdQr fuzz', () => {
  const field = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.stringMatching(/^\d{12}$/),
    fc.stringMatching(/^\d{9}$/),
    fc.stringMatching(/^\d{8}$/),
    fc.constantFrom('Nam', 'Nữ', '', 'Nguyễn Văn An', '01011990', '15062021'),
  );

  it('never throws and only accepts what re-serialises to the same text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 600 }), fc.array(field, { maxLength: 9 }).map((f) => f.join('|'))), (payload) => {
        const result = parseCccdQr(payload, TODAY);
        if (result.ok) expect(serializeCccdQr(result.card)).toBe(payload);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every well-formed card it generates and reads back the same fields', () => {
    const card: fc.Arbitrary<CccdCard> = fc
      .record({
        province: fc.integer({ min: 1, max: 96 }),
        serial: fc.integer({ min: 0, max: 999_999 }),
        dob: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2016-01-01T00:00:00Z'), noInvalidDate: true }),
        issueOffsetDays: fc.integer({ min: 0, max: 3000 }),
        sex: fc.constantFrom('Nam' as const, 'Nữ' as const),
        oldId: fc.option(fc.stringMatching(/^\d{9}$/), { nil: null }),
        fullName: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Hồ Ái', 'Đặng Thị Ửng'),
        address: fc.constantFrom('Thôn 3, Xã Ea Tu, TP. Buôn Ma Thuột, Đắk Lắk', '1/2A Nguyễn Trãi, Quận 5'),
      })
      .map((r) => {
        const dateOfBirth = r.dob.toISOString().slice(0, 10);
        const issue = new Date(Date.UTC(2016, 0, 1) + r.issueOffsetDays * 86_400_000).toISOString().slice(0, 10);
        const year = Number(dateOfBirth.slice(0, 4));
        const centurySex = (Math.floor(year / 100) - 19) * 2 + (r.sex === 'Nữ' ? 1 : 0);
        const id = `${String(r.province).padStart(3, '0')}${centurySex}${dateOfBirth.slice(2, 4)}${String(r.serial).padStart(6, '0')}`;
        return { id, oldId: r.oldId, fullName: r.fullName, dateOfBirth, sex: r.sex, address: r.address, issueDate: issue };
      });
    fc.assert(
      fc.property(card, (c) => {
        expect(parseCccdQr(serializeCccdQr(c), TODAY)).toEqual({ ok: true, card: c });
      }),
      { numRuns: 500 },
    );
  });
});

describe('age', () => {
  it('counts the birthday itself', () => {
    expect(ageOn('1966-12-03', '2026-12-02')).toBe(59);
    expect(ageOn('1966-12-03', '2026-12-03')).toBe(60);
    expect(ageOn('1966-12-03', '2026-12-04')).toBe(60);
    expect(ageOn('1966-12-31', '2026-01-01')).toBe(59);
  });

  it('treats a 29 February birthday as reached on 1 March in common years', () => {
    expect(ageOn('1964-02-29', '2024-02-29')).toBe(60);
    expect(ageOn('1964-02-29', '2025-02-28')).toBe(60);
    expect(ageOn('1966-02-28', '2026-02-27')).toBe(59);
    expect(ageOn('1964-02-29', '2023-02-28')).toBe(58);
    expect(ageOn('1964-02-29', '2023-03-01')).toBe(59);
  });

  it('uses the center day in Asia/Ho_Chi_Minh, not UTC', () => {
    // 2026-12-02T17:00Z is already 00:00 on 3 December in Hồ Chí Minh City (UTC+7).
    expect(ageAt('1966-12-03', Date.parse('2026-12-02T16:59:59Z'))).toBe(59);
    expect(ageAt('1966-12-03', Date.parse('2026-12-02T17:00:00Z'))).toBe(60);
    expect(ageAt('1966-12-03', Date.parse('2026-12-02T17:00:00Z'), 'UTC')).toBe(59);
  });
});
