// How cells from Excel, WPS and their CSV dialects become the text the import checks: separators,
// workbook cells and birthdays, in-process (no CLI start per case).
import { describe, expect, it } from 'vitest';
import { readCsv, sniffDelimiter } from '../../src/input/csv.js';
import { readBirthday, readDate } from '../../src/input/rows.js';
import { cellText, containerOf } from '../../src/input/sheet.js';

describe('the separator, from the header line', () => {
  it.each([
    ['name,phone,note\r\n', ','],
    ['name\tphone\tnote\r\n', '\t'],
    ['name;phone;note\r\n', ';'],
    ['"last, first";phone;note\n', ';'],
    ['name\tphone\na;b;c;d;e\n', '\t'],
    ['name\n', ','],
    ['姓名\t手机号码\t备注\r\n王,磊\t138\t;\r\n', '\t'],
  ])('%j → %j', (text, delimiter) => expect(sniffDelimiter(text)).toBe(delimiter));

  it('reads a semicolon file whose fields hold commas', () => {
    const { header, records } = readCsv(Buffer.from('name;note\r\nWang;"a; b, c"\r\nLi;x,y\r\n'), 'f.csv');
    expect(header).toEqual(['name', 'note']);
    expect(records.map((r) => r.cells)).toEqual([
      ['Wang', 'a; b, c'],
      ['Li', 'x,y'],
    ]);
  });
});

describe('workbook cells as text', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['13900139000.0', '13900139000'],
    ['1.3800138E10', '13800138000'],
    ['1.38e+10', '13800000000'],
    ['0.5', '0.5'],
    ['42', '42'],
    ['1e400', '1e400'],
    [true, 'TRUE'],
    [null, ''],
    ['0215', '0215'],
  ])('%j → %j', (value, text) => expect(cellText(value)).toBe(text));

  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'a date cell is the day written in the sheet, whatever the time of day, in %s',
    (zone) => {
      const before = process.env.TZ;
      process.env.TZ = zone;
      try {
        expect(cellText(new Date(Date.UTC(2026, 2, 9)))).toBe('2026-03-09');
        expect(cellText(new Date(Date.UTC(2026, 2, 9, 18)))).toBe('2026-03-09');
        expect(cellText(new Date(Date.UTC(2026, 2, 9, 23, 59, 59)))).toBe('2026-03-09');
        expect(cellText(new Date(Date.UTC(1990, 4, 6)))).toBe('1990-05-06');
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    },
  );

  it('tells a workbook by its first bytes', () => {
    expect(containerOf(Buffer.from('PK\x03\x04rest'))).toBe('zip');
    expect(containerOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole2');
    expect(containerOf(Buffer.from('name,phone'))).toBe('other');
    expect(containerOf(Buffer.alloc(0))).toBe('other');
  });
});

describe('dates as Excel and WPS save them', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026/03/05 0:00', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
  ])('%j → %j', (text, day) => expect(readDate(text)).toBe(day));

  it.each(['2026/2/30', '2026年13月1日', '3/5/2026', 'soon'])('%j is refused', (text) =>
    expect(() => readDate(text)).toThrow(/badDate/),
  );

  it.each([
    ['1990-05-06', '1990-05-06'],
    ['1990/5/6', '1990-05-06'],
    ['1990年5月6日', '1990-05-06'],
    ['05-06', '05-06'],
    ['5/6', '05-06'],
    ['5月6日', '05-06'],
    ['2/29', '02-29'],
  ])('birthday %j → %j', (text, birthday) => expect(readBirthday(text)).toBe(birthday));

  it.each(['13/1', '2月30日', '1990/2/30', 'May 6'])('birthday %j is refused', (text) =>
    expect(() => readBirthday(text)).toThrow(/badBirthday/),
  );
});
