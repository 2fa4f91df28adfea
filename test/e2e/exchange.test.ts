// Reports, imports and the calendar, checked as a manager's Excel and a phone would read them: an
// independent CSV parser reads every export back; names and notes are built to break CSV.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBook } from '../bench/seed.js';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const ok = (args: string[], env?: Record<string, string | undefined>) => s.ok(args, env);
const file = (name: string) => join(s.dir, name);
const readBack = (text: string) =>
  parse(text, { columns: true, bom: true, relax_column_count: false }) as Record<string, string>[];

/** Values that break naive CSV writers or turn into formulas in a spreadsheet. */
const NASTY = [
  ['Wang, Lei', 'note with a comma, here'],
  ['"Big" Li', 'she said "call me tomorrow"'],
  ['Zhou\nMin', 'two\nlines'],
  ['Windows\r\nline', 'crlf\r\ninside'],
  ['王磊', '周末带家人来看车，关心油耗'],
  ['=1+2', '=HYPERLINK("http://x","click")'],
  ['+86 guy', '-negative start'],
  ['@sum', '@mention'],
  ['＝全角', '＋full width plus'],
  ["'=quoted", "'already"],
];

describe('report CSV', () => {
  beforeEach(() => {
    NASTY.forEach(([name, note], i) =>
      ok(['add-prospect', name!, '--phone', `1380013${8000 + i}`, '--note', note!, '--tier', 'A']),
    );
    ok(['visit', '1', '--note', 'first, "call"\nsecond line']);
  });

  it('reads back with a real CSV parser: every name and note intact, formulas defused', () => {
    const r = ok(['report']);
    const rows = readBack(r.stdout);
    expect(rows).toHaveLength(NASTY.length);
    rows.forEach((row, i) => {
      const [name, note] = NASTY[i]!;
      const defused = (v: string) => (/^'*[=+\-@\t\r\n＝＋－＠]/.test(v) ? `'${v}` : v);
      expect(row.name).toBe(defused(name!));
      expect(row.note).toBe(defused(note!));
    });
    expect(rows[5]!.name).toBe("'=1+2");
    expect(rows[8]!.note).toBe("'＋full width plus");
  });

  it('has a header, CRLF line ends, SPEC columns and dates as YYYY-MM-DD', () => {
    const text = ok(['report']).stdout;
    const header = text.split('\r\n')[0]!.split(',');
    expect(header).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'phone',
        'tier',
        'stage',
        'source',
        'interest',
        'expected_purchase',
        'last_contact',
        'last_contact_kind',
        'contacts',
        'next_callback',
        'overdue_days',
      ]),
    );
    // Every record ends with CRLF, and a bare LF appears only inside a quoted field.
    expect(text.endsWith('\r\n')).toBe(true);
    const first = readBack(text)[0]!;
    expect(first).toMatchObject({
      last_contact: '2026-03-02',
      contacts: '1',
      next_callback: '2026-03-09',
      overdue_days: '0',
      created: '2026-03-02',
    });
  });

  it('--bom starts with a byte-order mark for Excel; so does the config default', () => {
    expect(ok(['report', '--bom']).stdout.startsWith('\uFEFF')).toBe(true);
    expect(ok(['report']).stdout.startsWith('\uFEFF')).toBe(false);
    ok(['config', 'set', 'report.bom', 'true']);
    expect(ok(['report']).stdout.startsWith('\uFEFF')).toBe(true);
  });

  it('visits have their own columns and read back', () => {
    const rows = readBack(ok(['report', 'visits']).stdout);
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'prospect_id',
      'name',
      'phone',
      'date',
      'kind',
      'outcome',
      'note',
      'stage',
    ]);
    expect(rows[0]).toMatchObject({
      prospect_id: '1',
      name: 'Wang, Lei',
      kind: 'call',
      note: 'first, "call"\nsecond line',
    });
  });

  it('--format json and --json give the same records; --format table is for reading', () => {
    const a = JSON.parse(ok(['report', '--json']).stdout) as Record<string, unknown>[];
    const b = JSON.parse(ok(['report', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(a).toEqual(b);
    expect(a[1]).toMatchObject({ name: '"Big" Li', contacts: 0 });
    expect(ok(['report', '--format', 'table']).stdout.split('\n')[0]).toMatch(/^id\s+name\s+phone/);
  });

  it('--from and --to pick the prospects added or contacted in the period', () => {
    ok(['add-prospect', 'Later', '--phone', '13900139000'], { DEALER_NOW: '2026-03-10' });
    const names = (args: string[]) => readBack(ok(['report', ...args]).stdout).map((r) => r.name);
    expect(names(['--from', '2026-03-05'])).toEqual(['Later']);
    expect(names(['--to', '2026-03-05'])).toHaveLength(NASTY.length);
  });
});

describe('--out', () => {
  it('writes the file 0600 and names it on stderr', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const r = ok(['report', '--out', file('week.csv')]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('week.csv');
    expect(statSync(file('week.csv')).mode & 0o777).toBe(0o600);
    expect(readBack(readFileSync(file('week.csv'), 'utf8'))).toHaveLength(1);
  });

  it('an export that fails leaves the old file as it was, and no temporary file', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    writeFileSync(file('week.csv'), 'last week');
    expect(s.run(['report', 'nonsense', '--out', file('week.csv')]).code).toBe(2);
    expect(s.run(['report', '--from', 'soon', '--out', file('week.csv')]).code).toBe(2);
    expect(readFileSync(file('week.csv'), 'utf8')).toBe('last week');
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['SIGINT', 'SIGKILL'] as const)(
    '%s in the middle of a large export leaves the old file intact',
    async (signal) => {
      const db = await seedBook(s.db, { prospects: 20_000, contacts: 200_000, today: '2026-03-02' });
      db.close();
      writeFileSync(file('visits.csv'), 'the old export');
      const child = spawn(process.execPath, [BIN, 'report', 'visits', '--out', file('visits.csv')], {
        env: s.env,
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      // Kill it once it has started writing the temporary file.
      await new Promise<void>((done) => {
        const poll = setInterval(() => {
          if (readdirSync(s.dir).some((f) => f.endsWith('.tmp'))) {
            clearInterval(poll);
            child.kill(signal);
            done();
          }
        }, 5);
      });
      const code = await exited;
      expect(code).not.toBe(0);
      expect(readFileSync(file('visits.csv'), 'utf8')).toBe('the old export');
      if (signal === 'SIGINT') expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // A kill -9 leaves its temporary file; the next export to that file clears it away.
      ok(['report', 'visits', '--out', file('visits.csv'), '--from', '2026-03-01']);
      expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});

describe('export → import into an empty book → export', () => {
  it('is byte-identical, prospects and visits', () => {
    NASTY.forEach(([name, note], i) => ok(['add-prospect', name!, '--phone', `1380013${8000 + i}`, '--note', note!]));
    ok([
      'add-prospect',
      'Zhou Min',
      '--org',
      'Harbour Logistics',
      '--phone',
      '021-5555-0101',
      '--cycle',
      'short',
      '--batch',
      'large',
      '--referred-by',
      '2',
    ]);
    ok([
      'add-prospect',
      'Li Na',
      '--phone',
      '+86 139 0013 9000; 010-6552-1234',
      '--within',
      '3m',
      '--wechat',
      'lina88',
      '--email',
      'li@example.com',
      '--birthday',
      '05-01',
      '--budget',
      '30万',
      '--interest',
      'Q5L',
      '--source',
      'web',
    ]);
    ok(['visit', '12', '--kind', 'showroom', '--note', 'liked, "really"', '--stage', 'presented']);
    ok(['visit', '12', '--kind', 'test-drive', '--date', 'yesterday']);
    ok(['visit', '1', '--kind', 'call']);
    ok(['won', '1']);
    ok(['lost', '3', '--reason', 'bought a BMW, sadly']);
    ok(['report', '--out', file('p1.csv')]);
    ok(['report', 'visits', '--out', file('v1.csv')]);

    const fresh = { DEALER_DB: join(s.dir, 'second', 'dealer.db') };
    ok(['import', 'prospects', file('p1.csv')], fresh);
    ok(['import', 'visits', file('v1.csv')], fresh);
    ok(['report', '--out', file('p2.csv')], fresh);
    ok(['report', 'visits', '--out', file('v2.csv')], fresh);
    expect(readFileSync(file('p2.csv'), 'utf8')).toBe(readFileSync(file('p1.csv'), 'utf8'));
    expect(readFileSync(file('v2.csv'), 'utf8')).toBe(readFileSync(file('v1.csv'), 'utf8'));
  });
});

describe('import', () => {
  const count = (table = 'prospect') => {
    if (!existsSync(s.db)) return 0;
    const db = new Database(s.db, { readonly: true });
    try {
      return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('reads the headers consultants already use, in Chinese', () => {
    writeFileSync(
      file('客户.csv'),
      '姓名,手机,微信,来源,意向车型,级别,备注\r\n王磊,138 0013 8000,wl88,转介绍,A6L,A,老客户介绍\r\n李娜,13900139000,,到店,Q5L,,\r\n',
    );
    const r = ok(['import', 'prospects', file('客户.csv')]);
    expect(r.stdout).toContain('2 prospects added');
    expect(s.json<Record<string, unknown>[]>(['list'])).toEqual([
      expect.objectContaining({
        name: '王磊',
        wechat: 'wl88',
        source: 'referral',
        interest: 'A6L',
        tier: 'A',
        note: '老客户介绍',
      }),
      expect.objectContaining({ name: '李娜', source: 'walk-in', tier: 'C' }),
    ]);
  });

  it('reads GBK with --encoding gbk, and stops without it naming the likely encoding', () => {
    writeFileSync(file('gbk.csv'), iconv.encode('姓名,电话\r\n王磊,13800138000\r\n', 'gbk'));
    const r = s.run(['import', 'prospects', file('gbk.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8; it looks like GBK.*--encoding gbk/);
    expect(count()).toBe(0);
    ok(['import', 'prospects', file('gbk.csv'), '--encoding', 'gbk']);
    expect(s.json<{ name: string }[]>(['list'])[0]!.name).toBe('王磊');
  });

  it('reads UTF-8 with a BOM and UTF-16 "Unicode text"', () => {
    writeFileSync(file('bom.csv'), '\uFEFFname,phone\r\nWang Lei,13800138000\r\n');
    writeFileSync(
      file('u16.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('name,phone\r\n李娜,13900139000\r\n', 'utf16le')]),
    );
    ok(['import', 'prospects', file('bom.csv')]);
    ok(['import', 'prospects', file('u16.csv')]);
    expect(s.json<{ name: string }[]>(['list']).map((p) => p.name)).toEqual(['Wang Lei', '李娜']);
  });

  it('skips and counts duplicates by phone (in the book and in the file); --update updates them', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--interest', 'A4L']);
    writeFileSync(
      file('dups.csv'),
      'name,phone,interest\r\nWang L.,+86 138-0013-8000,Q7\r\nNew One,13700137000,\r\nSame Again,137 0013 7000,\r\n',
    );
    const r = JSON.parse(ok(['import', 'prospects', file('dups.csv'), '--json']).stdout) as {
      added: number;
      skipped: unknown[];
    };
    expect(r.added).toBe(1);
    expect(r.skipped).toHaveLength(2);
    const u = JSON.parse(ok(['import', 'prospects', file('dups.csv'), '--update', '--json']).stdout) as {
      updated: number;
    };
    expect(u.updated).toBe(2);
    expect(s.json<{ interest: string }>(['show', '1']).interest).toBe('Q7');
  });

  it('--dry-run says what would happen and writes nothing', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    writeFileSync(file('p.csv'), 'name,phone\r\nWang Lei,13800138000\r\nLi Na,13900139000\r\n');
    const r = ok(['import', 'prospects', file('p.csv'), '--dry-run']);
    expect(r.stdout).toMatch(/nothing written.*1 prospects would be added, 0 updated, 1 skipped/);
    expect(count()).toBe(1);
  });

  it('visits match their prospect by id or by phone; a prospect without a callback gets one', () => {
    writeFileSync(
      file('p.csv'),
      'id,name,phone,next_callback\r\n7,Wang Lei,13800138000,\r\n8,Li Na,13900139000,2026-04-01\r\n',
    );
    ok(['import', 'prospects', file('p.csv')]);
    ok(['edit', '7', '--clear', 'next']);
    writeFileSync(
      file('v.csv'),
      'prospect_id,phone,date,kind,note\r\n7,,2026-02-20,call,first\r\n,139-0013-9000,2026/2/21,微信,hi\r\n',
    );
    ok(['import', 'visits', file('v.csv')]);
    expect(s.json<Record<string, unknown>>(['show', '7'])).toMatchObject({ nextCallback: '2026-04-21' });
    expect(s.json<{ contacts: { kind: string; date: string }[]; nextCallback: string }>(['show', '8'])).toMatchObject({
      nextCallback: '2026-04-01',
      contacts: [expect.objectContaining({ kind: 'wechat', date: '2026-02-21' })],
    });
  });

  const BAD: [string, string, RegExp][] = [
    [
      'ragged.csv',
      'name,phone\r\nA,13800000001\r\nB,13800000002,extra\r\n',
      /ragged\.csv line 3: this row has a different number of fields/,
    ],
    [
      'quote.csv',
      'name,phone\r\nA,13800000001\r\n"B,13800000002\r\n',
      /quote\.csv line 3: a quoted field is never closed/,
    ],
    ['empty.csv', '', /empty\.csv is empty/],
    ['header.csv', 'name,phone\r\n', /header\.csv has a header but no rows/],
    [
      'date.csv',
      'name,phone,expected_purchase\r\nA,13800000001,2026-06-01\r\nB,13800000002,2026-02-30\r\n',
      /line 3: "2026-02-30" is not a date/,
    ],
    ['tier.csv', 'name,phone,tier\r\nA,13800000001,X\r\n', /line 2: "X" is not a tier/],
    ['phone.csv', 'name,phone\r\nA,call me\r\n', /line 2: "call me" is not a phone number/],
    ['noname.csv', 'name,phone\r\nA,13800000001\r\n,13800000002\r\n', /line 3: missing name/],
    ['nocol.csv', 'who,when\r\nA,today\r\n', /has no name, phone column/],
    [
      'referral.csv',
      'id,name,phone,referred_by\r\n5,A,13800000001,77\r\n',
      /referred_by that is neither in the book nor in the file/,
    ],
  ];
  it.each(BAD)('%s stops the import with exit 2, naming the line, and writes nothing', (name, content, message) => {
    ok(['add-prospect', 'Existing', '--phone', '13600136000']);
    writeFileSync(file(name), content);
    const r = s.run(['import', 'prospects', file(name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(count()).toBe(1);
  });

  it.each([
    [['import', 'prospects', 'missing.csv'], /no file/],
    [['import', 'customers', 'x.csv'], /cannot import "customers"/],
    [['import', 'visits', 'v.csv'], /no prospect with id 99/],
    [['report', 'sales'], /"sales" is not a report/],
    [['report', '--format', 'xml'], /"xml" is not a format/],
    [['report', '--from', '2026-03-05', '--to', '2026-03-01'], /--from 2026-03-05 is after --to 2026-03-01/],
    [['report', '--from', '2026-02-30'], /not a date/],
    [['report', '--out', '/no/such/folder/x.csv'], /folder \/no\/such\/folder does not exist/],
    [['calendar', '--days', 'many'], /not a number of days/],
  ])('%j is exit 2', (args, message) => {
    writeFileSync(file('v.csv'), 'prospect_id,date\r\n99,2026-03-01\r\n');
    const r = s.run(args.map((a) => (a.endsWith('.csv') && !a.startsWith('/') ? file(a) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('summaries', () => {
  beforeEach(() => {
    ok(['add-prospect', 'A', '--phone', '13800000001', '--source', 'walk-in', '--within', '1w']);
    ok(['add-prospect', 'B', '--phone', '13800000002', '--source', 'walk-in', '--within', '1m']);
    ok(['add-prospect', 'C', '--phone', '13800000003', '--source', 'web', '--within', '6m']);
    ok(['visit', '1', '--kind', 'test-drive']);
    ok(['visit', '2', '--kind', 'call']);
    ok(['won', '1'], { DEALER_NOW: '2026-03-05' });
    ok(['lost', '3', '--reason', 'no budget']);
  });

  it('funnel: how many reached each stage, and the conversion from the step before', () => {
    const rows = readBack(ok(['report', 'funnel']).stdout).filter((r) => r.source === 'all');
    const reached = Object.fromEntries(rows.map((r) => [r.stage, r.reached]));
    expect(reached).toMatchObject({ new: '3', contacted: '2', 'test-drive': '1', won: '1', delivered: '0', lost: '1' });
    expect(rows.find((r) => r.stage === 'contacted')!.conversion_pct).toBe('66.7');
    expect(
      readBack(ok(['report', 'funnel']).stdout).filter((r) => r.source === 'walk-in' && r.stage === 'new')[0]!.reached,
    ).toBe('2');
  });

  it('activity: contacts a day by kind against the goal', () => {
    const rows = readBack(ok(['report', 'activity', '--from', '2026-03-01', '--to', '2026-03-02']).stdout);
    expect(rows).toEqual([
      expect.objectContaining({ date: '2026-03-01', total: '0', goal: '10', met: 'no' }),
      expect.objectContaining({ date: '2026-03-02', call: '1', test_drive: '1', total: '2', goal: '10', met: 'no' }),
    ]);
  });

  it('tiers: of those graded so, who bought within the window, later, or not at all', () => {
    const rows = Object.fromEntries(readBack(ok(['report', 'tiers']).stdout).map((r) => [r.tier, r]));
    expect(rows.O).toMatchObject({ graded: '1', bought_within_window: '1', within_pct: '100' });
    expect(rows.A).toMatchObject({ graded: '1', open: '1' });
    expect(rows.C).toMatchObject({ graded: '1', lost: '1' });
  });
});

describe('calendar', () => {
  it('writes an RFC 5545 file a phone imports, with stable UIDs', () => {
    ok(['add-prospect', '王磊', '--phone', '13800138000', '--tier', 'O', '--note', 'x']);
    ok(['add-prospect', 'Li Na', '--phone', '13900139000', '--tier', 'A', '--birthday', '03-10']);
    ok(['calendar', '--out', file('cb.ics'), '--days', '30']);
    const text = readFileSync(file('cb.ics'), 'utf8');
    expect(statSync(file('cb.ics')).mode & 0o777).toBe(0o600);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/SUMMARY:王磊: callback \(O\)/);
    expect(unfolded).toMatch(/DTSTART;VALUE=DATE:20260303/);
    expect(unfolded).toContain('Phone: 13800138000');
    expect(unfolded).toMatch(/SUMMARY:Li Na: birthday/);
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]).sort();
    ok(['visit', '1'], { DEALER_NOW: '2026-03-03' });
    ok(['calendar', '--out', file('cb2.ics')], { DEALER_NOW: '2026-03-03' });
    expect(uids(readFileSync(file('cb2.ics'), 'utf8'))).toEqual(uids(text));
  });
});
