// Excel and WPS both ways: workbooks dealer writes and workbooks another tool wrote (built here from
// bare SpreadsheetML, as Excel saves it), and the CSV dialects Excel and WPS save back.
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import readExcelFile from 'read-excel-file/node';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal } from '../helpers/terminal.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const ok = (args: string[], env?: Record<string, string | undefined>) => s.ok(args, env);
const file = (name: string) => join(s.dir, name);
const fresh = (name: string) => ({ DEALER_DB: join(s.dir, name, 'dealer.db') });
const records = (env?: Record<string, string | undefined>, kind = 'prospects') =>
  JSON.parse(ok(['report', kind, '--format', 'json'], env).stdout) as Record<string, unknown>[];
const sheetOf = async (path: string) => (await readExcelFile(readFileSync(path)))[0]!;

/** Excel's serial for a calendar day: days since 1899-12-30. */
function serial(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A workbook as Excel or WPS writes one: shared strings, numbers in <v>, dates as serials with a
 * date number format, a text-formatted cell. Cells: ['s', text] | ['n', number, style?].
 */
function foreignWorkbook(sheets: { name: string; rows: (['s', string] | ['n', string, number?] | null)[][] }[]) {
  const strings: string[] = [];
  const sst = (t: string) => (strings.includes(t) ? strings.indexOf(t) : strings.push(t) - 1);
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetXml = (rows: (typeof sheets)[number]['rows']) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((c, i) => {
              if (!c) return '';
              const ref = `${col(i)}${r + 1}`;
              if (c[0] === 's') return `<c r="${ref}" t="s"><v>${sst(c[1])}</v></c>`;
              return `<c r="${ref}"${c[2] ? ` s="${c[2]}"` : ''}><v>${c[1]}</v></c>`;
            })
            .join('')}</row>`,
      )
      .join('')}</sheetData></worksheet>`;
  const sheetFiles = Object.fromEntries(
    sheets.map((sh, i) => [`xl/worksheets/sheet${i + 1}.xml`, strToU8(sheetXml(sh.rows))]),
  );
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        '',
      )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((sh, i) => `<sheet name="${escape(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    // Styles: 0 General, 1 built-in date (14), 2 WPS's yyyy/m/d, 3 Text (@), 4 a date with a time.
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/><numFmt numFmtId="177" formatCode="yyyy/m/d h:mm;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    ...sheetFiles,
  };
  // Shared strings are collected while the sheets are written: this part comes last.
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((t) => `<si><t>${escape(t)}</t></si>`)
    .join('')}</sst>`);
  return zipSync(files);
}

describe('an .xlsx written by another tool (Excel / WPS)', () => {
  const workbook = () =>
    foreignWorkbook([
      { name: '说明', rows: [[['s', '客户名单在第二个工作表']]] },
      {
        name: '名单',
        rows: [
          // A title above the table, as lists often have.
          [['s', '2026年3月客户名单']],
          [
            ['s', '客户姓名'],
            ['s', '手机号码'],
            ['s', '生日'],
            ['s', '预计购买日期'],
            ['s', '下次回访日期'],
            ['s', '备注'],
          ],
          // A phone typed as a number; dates as serials under the built-in, WPS and date-time formats.
          [
            ['s', '王磊'],
            ['n', '13800138000'],
            ['n', String(serial('1990-05-06')), 1],
            ['n', String(serial('2026-04-01')), 2],
            ['n', String(serial('2026-03-09') + 0.75), 4],
            ['s', '周末来'],
          ],
          // A landline kept as text with its leading 0; dates typed as text the way Chinese users do.
          [['s', '李娜'], ['s', '02155550101'], ['s', '5月6日'], ['s', '2026年4月1日'], ['s', '2026/3/10'], null],
          // A whole number as Python writers spell it.
          [['s', 'Zhou Min'], ['n', '13900139000.0'], null, null, null, ['n', '42']],
        ],
      },
    ]);

  it('imports the named sheet: digits stay digits, a leading 0 stays, date cells are days in any time zone', () => {
    writeFileSync(file('客户.xlsx'), workbook());
    // The first sheet holds no list: the advice names the sheets.
    const first = s.run(['import', 'prospects', file('客户.xlsx')]);
    expect(first.code).toBe(2);
    expect(first.stderr.trim().split('\n')).toHaveLength(1);
    expect(first.stderr).toMatch(/^error: .*--sheet.*说明, 名单/);
    const wrong = s.run(['import', 'prospects', file('客户.xlsx'), '--sheet', 'Leads']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no sheet "Leads".*说明, 名单/);

    expect(ok(['import', 'prospects', file('客户.xlsx'), '--sheet', '2', '--dry-run']).stdout).toContain('3 prospects');
    // West of Greenwich a serial read as a local moment falls on the day before.
    ok(['import', 'prospects', file('客户.xlsx'), '--sheet', '名单'], { TZ: 'America/Los_Angeles' });
    const rows = records({ TZ: 'Pacific/Kiritimati' });
    expect(rows.map((r) => [r.name, r.phone, r.birthday, r.expected_purchase, r.next_callback, r.note])).toEqual([
      ['王磊', '13800138000', '1990-05-06', '2026-04-01', '2026-03-09', '周末来'],
      ['李娜', '02155550101', '05-06', '2026-04-01', '2026-03-10', null],
      ['Zhou Min', '13900139000', null, null, expect.any(String), '42'],
    ]);
  });
});

describe('an .xlsx written by dealer', () => {
  beforeEach(() => {
    ok([
      'add-prospect',
      '王磊',
      '--phone',
      '021-5555-0101',
      '--birthday',
      '1990-05-06',
      '--expected',
      '2026-04-01',
      '--note',
      '=1+2',
    ]);
    ok(['add-prospect', 'Ann Lee', '--phone', '13800138000', '--birthday', '05-06', '--budget', '30万']);
    ok(['visit', '1', '--kind', 'showroom', '--note', 'liked it', '--date', 'yesterday']);
  });

  it('types its cells: phones and ids as text, days as dates, counts as numbers, no apostrophe', async () => {
    ok(['report', '--format', 'xlsx', '--out', file('p.xlsx')], { TZ: 'America/Los_Angeles' });
    const { data } = await sheetOf(file('p.xlsx'));
    const head = data[0] as string[];
    const row = (i: number) => Object.fromEntries(head.map((h, j) => [h, data[i]![j]]));
    expect(row(1)).toMatchObject({ id: '1', name: '王磊', phone: '021-5555-0101', contacts: 1, note: '=1+2' });
    expect(row(1).expected_purchase).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(row(1).birthday).toEqual(new Date(Date.UTC(1990, 4, 6)));
    expect(row(1).last_contact).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(row(2)).toMatchObject({ id: '2', phone: '13800138000', birthday: '05-06', budget: '30万', contacts: 0 });
    // Text cells carry the Text format, so editing one in Excel keeps it text.
    const parts = unzipSync(readFileSync(file('p.xlsx')));
    expect(strFromU8(parts['xl/styles.xml']!)).toMatch(/formatCode="@"/);
    // A summary's counts are numbers, even in a column named like a text one (wechat contacts).
    ok(['report', 'activity', '--format', 'xlsx', '--out', file('a.xlsx'), '--from', '2026-03-01']);
    const activity = (await sheetOf(file('a.xlsx'))).data;
    expect(activity[0]!.slice(0, 2)).toEqual(['date', 'call']);
    expect(activity[1]![0]).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(activity[1]!.slice(1, 11)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('imports back into an empty book, in any time zone, and reports the same', () => {
    ok(['report', '--format', 'xlsx', '--out', file('p.xlsx')]);
    ok(['report', 'visits', '--format', 'xlsx', '--out', file('v.xlsx')]);
    const other = { ...fresh('second'), TZ: 'Pacific/Kiritimati' };
    ok(['import', 'prospects', file('p.xlsx')], other);
    // A workbook from standard input is known by its bytes. (The helper passes a Buffer through as is.)
    const piped = s.run(['import', 'visits', '-'], {
      env: other,
      input: readFileSync(file('v.xlsx')) as unknown as string,
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(ok(['report'], fresh('second')).stdout).toBe(ok(['report']).stdout);
    expect(ok(['report', 'visits'], fresh('second')).stdout).toBe(ok(['report', 'visits']).stdout);
  });

  it('has Chinese headers under --lang zh, English with --headers en, and imports either', async () => {
    ok(['report', '--format', 'xlsx', '--out', file('zh.xlsx'), '--lang', 'zh']);
    ok(['report', '--format', 'xlsx', '--out', file('en.xlsx'), '--lang', 'zh', '--headers', 'en']);
    expect((await sheetOf(file('zh.xlsx'))).data[0]!.slice(0, 5)).toEqual(['编号', '姓名', '电话', '级别', '阶段']);
    expect((await sheetOf(file('en.xlsx'))).data[0]!.slice(0, 5)).toEqual(['id', 'name', 'phone', 'tier', 'stage']);
    const r = ok(['import', 'prospects', file('zh.xlsx')], fresh('zh'));
    expect(r.stdout).toContain('2 prospects added');
    expect(r.stdout).not.toMatch(/ignored/i);
  });

  it('is refused on the screen, written into a pipe with --out -', () => {
    for (const args of [
      ['report', '--format', 'xlsx'],
      ['report', 'visits', '--format', 'xlsx'],
    ]) {
      const r = s.run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: .*--out [^\n]*\n$/);
    }
    // spawnSync's stdout is a pipe: the bytes go there.
    const piped = s.run(['report', '--format', 'xlsx', '--out', '-']);
    expect(piped.code).toBe(0);
    expect(piped.stdout.slice(0, 2)).toBe('PK');
  });
});

describe('CSV as Excel and WPS save it back', () => {
  it('reads tab-separated UTF-16 "Unicode text", semicolons, and yyyy/M/d or yyyy年M月d日 in every date column', () => {
    const unicodeText =
      '姓名\t手机\t生日\t预计购买日期\t下次回访\t建档日期\r\n王磊\t13800138000\t1990/5/6\t2026/4/1\t2026年3月9日\t2026/2/1\r\n';
    writeFileSync(
      file('unicode.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(unicodeText, 'utf16le')]),
    );
    writeFileSync(
      file('semi.csv'),
      'name;phone;birthday;expected_purchase;note\r\nLi Na;13900139000;5月6日;2026年4月1日;"a; b, c"\r\n',
    );
    ok(['import', 'prospects', file('unicode.txt')]);
    ok(['import', 'prospects', file('semi.csv')]);
    writeFileSync(
      file('visits.csv'),
      '客户编号\t日期\t方式\t备注\r\n1\t2026/3/1\tcall\t来电\r\n2\t2026年2月28日\tsms\t\r\n',
    );
    ok(['import', 'visits', file('visits.csv')]);
    expect(records().map((r) => [r.name, r.phone, r.birthday, r.expected_purchase, r.created, r.note])).toEqual([
      ['王磊', '13800138000', '1990-05-06', '2026-04-01', '2026-02-01', null],
      ['Li Na', '13900139000', '05-06', '2026-04-01', '2026-03-02', 'a; b, c'],
    ]);
    expect(records(undefined, 'visits').map((r) => [r.prospect_id, r.date, r.note])).toEqual([
      [1, '2026-03-01', '来电'],
      [2, '2026-02-28', null],
    ]);
  });

  it('- reads the file from standard input', () => {
    const r = s.run(['import', 'prospects', '-'], { input: 'name,phone\r\nWang Lei,13800138000\r\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('standard input');
    expect(records().map((p) => p.name)).toEqual(['Wang Lei']);
  });

  it('a workbook it cannot read gets one line of advice and exit 2; nothing is imported', () => {
    const xlsx = foreignWorkbook([
      {
        name: 'Sheet1',
        rows: [
          [
            ['s', 'name'],
            ['s', 'phone'],
          ],
          [
            ['s', 'A'],
            ['n', '13800138000'],
          ],
        ],
      },
    ]);
    writeFileSync(file('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(file('broken.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
    writeFileSync(file('saved-as.csv'), xlsx);
    writeFileSync(file('text.xlsx'), 'name,phone\r\nA,13800138000\r\n');
    const advice: [string, RegExp][] = [
      ['old.xls', /old Excel workbook.*save it .*\.xlsx.*CSV/],
      ['broken.xlsx', /cannot read .*broken\.xlsx.*save it as CSV.*--sheet/],
      ['saved-as.csv', /is an Excel workbook.*rename it to \.xlsx.*CSV/],
      ['text.xlsx', /cannot read .*text\.xlsx.*save it as CSV/],
    ];
    for (const [name, says] of advice) {
      const r = s.run(['import', 'prospects', file(name)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr, name).toMatch(says);
    }
    writeFileSync(file('plain.csv'), 'name,phone\r\nA,13800138000\r\n');
    const sheetOfCsv = s.run(['import', 'prospects', file('plain.csv'), '--sheet', '1']);
    expect(sheetOfCsv.code).toBe(2);
    expect(sheetOfCsv.stderr).toMatch(/CSV file, which has no sheets/);
  });
});

describe('--headers zh: Chinese CSV headers', () => {
  it('export → import → export is byte-identical in both languages', () => {
    ok(['add-prospect', '王磊', '--phone', '021-5555-0101', '--birthday', '05-06', '--note', 'comma, "quote"']);
    ok([
      'add-prospect',
      'Zhou Min',
      '--org',
      'Harbour',
      '--phone',
      '13900139000',
      '--referred-by',
      '1',
      '--within',
      '3m',
    ]);
    ok(['visit', '2', '--kind', 'showroom', '--stage', 'presented', '--note', '看车']);
    for (const lang of ['zh', 'en']) {
      ok(['report', '--headers', lang, '--out', file(`p-${lang}.csv`)]);
      ok(['report', 'visits', '--headers', lang, '--out', file(`v-${lang}.csv`)]);
      const other = fresh(`book-${lang}`);
      ok(['import', 'prospects', file(`p-${lang}.csv`)], other);
      ok(['import', 'visits', file(`v-${lang}.csv`)], other);
      const again = ok(['report', '--headers', lang], other).stdout;
      expect(again, lang).toBe(readFileSync(file(`p-${lang}.csv`), 'utf8'));
      expect(ok(['report', 'visits', '--headers', lang], other).stdout, lang).toBe(
        readFileSync(file(`v-${lang}.csv`), 'utf8'),
      );
    }
    expect(readFileSync(file('p-zh.csv'), 'utf8').split('\r\n')[0]).toMatch(/^编号,姓名,电话,级别,阶段,来源/);
    expect(readFileSync(file('v-zh.csv'), 'utf8').split('\r\n')[0]).toBe(
      '编号,客户编号,姓名,电话,日期,方式,结果,备注,阶段',
    );
  });
});

describe('at a terminal', () => {
  it('a workbook is not written onto the screen, and import - does not wait for typing', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const shown = atTerminal(s, ['report', '--format', 'xlsx', '--out', '-'], []);
    expect(shown.code).toBe(2);
    expect(shown.output).toMatch(/cannot be shown on the screen.*--out/);
    expect(shown.output).not.toContain('PK');
    const typed = atTerminal(s, ['import', 'prospects', '-'], []);
    expect(typed.code).toBe(2);
    expect(typed.output).toMatch(/standard input.*terminal.*dealer import prospects - < list\.csv/);
  });
});

describe('start-up', () => {
  /** The modules a run loads, as test/e2e/startup.test.ts traces them. */
  const loaded = (args: string[]) => {
    const trace = file(`trace-${args.join('-').replace(/\W+/g, '_')}.txt`);
    const r = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'test', 'helpers', 'trace-loads.mjs'), BIN, ...args],
      {
        env: { ...s.env, DEALER_TRACE_FILE: trace },
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(trace, 'utf8');
  };

  it('the Excel libraries load only for a workbook', () => {
    writeFileSync(file('list.csv'), 'name,phone\r\nWang Lei,13800138000\r\n');
    const csv = loaded(['import', 'prospects', file('list.csv')]);
    expect(csv).not.toMatch(/read-excel-file|write-excel-file/);
    expect(loaded(['report', '--out', file('r.csv')])).not.toMatch(/read-excel-file|write-excel-file/);
    const xlsx = loaded(['report', '--format', 'xlsx', '--out', file('r.xlsx')]);
    expect(xlsx).toMatch(/write-excel-file/);
    expect(xlsx).not.toMatch(/read-excel-file/);
    const back = loaded(['import', 'prospects', file('r.xlsx'), '--dry-run']);
    expect(back).toMatch(/read-excel-file/);
    expect(back).not.toMatch(/write-excel-file/);
  });
});
