// The foundation as a new user meets it: the built bin, a temporary book, no terminal.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const count = (table: string) => {
  const db = new Database(s.db, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  } finally {
    db.close();
  }
};

/** One line on stderr, starting `error:`, no stack trace. */
function expectUsageError(r: { code: number; stderr: string; stdout: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(r.stderr).toMatch(pattern);
}

describe('a fresh machine', () => {
  it('today says what to do next, and creates nothing', () => {
    const r = s.run(['today']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Your book is empty');
    expect(r.stdout).toContain('dealer add-prospect');
    expect(existsSync(s.db)).toBe(false);
  });

  it('the default book lives in the XDG data folder', () => {
    const r = s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000'], { env: { DEALER_DB: undefined } });
    expect(r.code).toBe(0);
    expect(existsSync(join(s.env.XDG_DATA_HOME!, 'dealer', 'dealer.db'))).toBe(true);
  });
});

describe('add-prospect', () => {
  it('stores the prospect with its tier and first callback', () => {
    const p = s.json<Record<string, unknown>>([
      'add-prospect',
      'Wang Lei',
      '--phone',
      '13800138000',
      '--within',
      '1m',
      '--interest',
      'A6 2.4',
    ]);
    expect(p).toMatchObject({
      id: 1,
      name: 'Wang Lei',
      phone: '13800138000',
      phones: ['+8613800138000'],
      tier: 'A',
      tierManual: false,
      expected: '2026-04-01',
      stage: 'new',
      nextCallback: '2026-03-03',
      interest: 'A6 2.4',
    });
  });

  it.each([
    ['--within', '1w', 'O', '2026-03-03'],
    ['--within', '3m', 'B', '2026-03-03'],
    ['--within', '6m', 'C', '2026-03-03'],
    ['--tier', 'A', 'A', '2026-03-03'],
    ['--expected', '2026-03-20', 'A', '2026-03-03'],
  ])(
    '%s %s → tier %s, first callback %s (the next day whatever the tier: speed to lead)',
    (flag, value, tier, next) => {
      expect(s.json(['add-prospect', 'P', '--phone', '13800138000', flag, value])).toMatchObject({
        tier,
        nextCallback: next,
      });
    },
  );

  it('defaults to tier C with no purchase window', () => {
    expect(s.json(['add-prospect', 'P', '--phone', '13800138000'])).toMatchObject({
      tier: 'C',
      nextCallback: '2026-03-03',
    });
  });

  it('--next overrides the cadence', () => {
    expect(s.json(['add-prospect', 'P', '--phone', '13800138000', '--next', 'fri'])).toMatchObject({
      nextCallback: '2026-03-06',
    });
  });

  it('prints a confirmation with id, tier and next callback', () => {
    const r = s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--within', '1m']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Added #1 Wang Lei .*A .*2026-03-03/);
  });

  it('refuses a phone already in the book, naming who has it, unless --force', () => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const dup = s.run(['add-prospect', 'Li Na', '--phone', '+86 138-0013-8000']);
    expectUsageError(dup, /#1 Wang Lei/);
    expect(count('prospect')).toBe(1);
    expect(s.run(['add-prospect', 'Li Na', '--phone', '+86 138-0013-8000', '--force']).code).toBe(0);
    expect(count('prospect')).toBe(2);
  });

  it.each([
    [['add-prospect'], /missing name, phone .*--phone/],
    [['add-prospect', 'Wang Lei'], /missing phone .*--phone/],
    [['add-prospect', '--phone', '13800138000'], /missing name/],
    [['add-prospect', '  ', '--phone', '13800138000'], /name is empty/],
    [['add-prospect', 'X', '--phone', 'call me'], /not a phone number/],
    [['add-prospect', 'X', '--phone', '13800138000', '--expected', '2026-02-30'], /"2026-02-30" is not a date/],
    [['add-prospect', 'X', '--phone', '13800138000', '--next', 'someday'], /"someday" is not a date/],
    [['add-prospect', 'X', '--phone', '13800138000', '--tier', 'Z'], /not a tier/],
    [['add-prospect', 'X', '--phone', '13800138000', '--tier', 'A', '--within', '1m'], /give only one/],
    [['add-prospect', 'X', '--phone', '13800138000', '--within', 'soon'], /not a purchase window/],
    [['add-prospect', 'X', '--phone', '13800138000', '--source', 'tv'], /not a lead source/],
    [['add-prospect', 'X', '--phone', '13800138000', '--email', 'nope'], /not an e-mail/],
    [['add-prospect', 'X', '--phone', '13800138000', '--birthday', '02-30'], /not a birthday/],
    [['add-prospect', 'X', '--phone', '13800138000', '--referred-by', '9'], /no prospect #9/],
    [['add-prospect', 'X', '--phone', '13800138000', '--cycle', 'long'], /--batch/],
  ])('%j is exit 2, nothing written', (args, message) => {
    expectUsageError(s.run(args), message);
    if (existsSync(s.db)) expect(count('prospect')).toBe(0);
  });

  it('never waits for input without a terminal', () => {
    const r = spawnSync(process.execPath, [BIN, 'add-prospect'], { env: s.env, encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
  });

  it('keeps Chinese names and notes exactly', () => {
    s.run([
      'add-prospect',
      '王磊',
      '--phone',
      '13800138000',
      '--interest',
      '奥迪 A6L',
      '--note',
      '周末带家人来看车，关心油耗',
    ]);
    const p = s.json<Record<string, unknown>>(['show', '1']);
    expect(p).toMatchObject({ name: '王磊', interest: '奥迪 A6L', note: '周末带家人来看车，关心油耗' });
    const found = s.json<{ name: string }[]>(['list', '--search', '王']);
    expect(found.map((f) => f.name)).toEqual(['王磊']);
  });

  it('accepts Chinese words for sources', () => {
    expect(s.json(['add-prospect', 'P', '--phone', '13800138000', '--source', '转介绍'])).toMatchObject({
      source: 'referral',
    });
  });
});

describe('list, show, edit', () => {
  beforeEach(() => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--within', '1w', '--source', 'walk-in']);
    s.run([
      'add-prospect',
      'Li Na',
      '--phone',
      '13900139000',
      '--within',
      '3m',
      '--source',
      'web',
      '--interest',
      'Q5L',
    ]);
    s.run(['add-prospect', 'Zhou Min', '--org', 'Harbour Logistics', '--phone', '021-5555-0101', '--tier', 'A']);
  });

  it.each([
    [['--tier', 'O'], ['Wang Lei']],
    [['--tier', 'a'], ['Zhou Min']],
    [['--source', 'web'], ['Li Na']],
    [['--search', 'q5'], ['Li Na']],
    [['--search', 'harbour'], ['Zhou Min']],
    [['--search', '13900'], ['Li Na']],
    [
      ['--stage', 'new'],
      ['Wang Lei', 'Li Na', 'Zhou Min'],
    ],
  ])('list %j', (args, names) => {
    expect(s.json<{ name: string }[]>(['list', ...args]).map((p) => p.name)).toEqual(names);
  });

  it('list as text shows a row per prospect', () => {
    const r = s.run(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\s*\d+  /.test(l))).toHaveLength(3);
  });

  it('list says so when nothing matches', () => {
    expect(s.run(['list', '--search', 'nobody']).stdout).toContain('No prospects match');
  });

  it('show prints a card', () => {
    const r = s.run(['show', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Zhou Min');
    expect(r.stdout).toContain('Harbour Logistics');
    expect(r.stdout).toContain('No contacts yet');
  });

  it('edit changes fields and keeps the rest', () => {
    const p = s.json([
      'edit',
      '2',
      '--interest',
      'Q7',
      '--birthday',
      '1990-05-01',
      '--phone',
      '13900139000; 010-6552-1234',
    ]);
    expect(p).toMatchObject({
      name: 'Li Na',
      interest: 'Q7',
      birthday: '1990-05-01',
      phones: ['+8613900139000', '+861065521234'],
    });
  });

  it('edit to a hotter tier pulls the callback in', () => {
    s.ok(['visit', '2', '--kind', 'call']);
    expect(s.json(['edit', '2', '--tier', 'O'])).toMatchObject({ tier: 'O', nextCallback: '2026-03-05' });
  });

  it('edit --clear empties a field', () => {
    expect(s.json(['edit', '2', '--clear', 'interest'])).toMatchObject({ interest: null });
  });

  it("edit refuses another prospect's phone", () => {
    expectUsageError(s.run(['edit', '2', '--phone', '138 0013 8000']), /#1 Wang Lei/);
  });

  it.each([
    [['show', '99'], /no prospect #99/],
    [['show', 'abc'], /"abc" is not a prospect id/],
    [['edit', '99', '--note', 'x'], /no prospect #99/],
    [['edit', '1'], /nothing to change/],
    [['edit', '1', '--clear', 'stage'], /cannot clear "stage"/],
    [['list', '--tier', 'X'], /not a tier/],
    [['list', '--stage', 'sleeping'], /not a stage/],
  ])('%j is exit 2', (args, message) => expectUsageError(s.run(args), message));
});

describe('errors and exit codes', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['list', '--bogus'], /unknown option --bogus/],
    [['show'], /missing id/],
    [['show', '1', '2'], /too many arguments/],
    [['--lang', 'fr', 'today'], /not a language/],
    [['today', '--date', '2026-02-30'], /not a date/],
    [['today', '--days', 'lots'], /not a number of days/],
  ])('%j is exit 2 with one line', (args, message) => expectUsageError(s.run(args), message));

  it('no arguments prints help', () => {
    const r = s.run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Daily:');
  });

  it('a book from a newer dealer is refused with a clear message', () => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const db = new Database(s.db);
    db.pragma('user_version = 999');
    db.close();
    const r = s.run(['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: this book was written by a newer dealer/);
  });

  it('a file that is not a book is exit 1, not a stack trace', () => {
    mkdirSync(dirname(s.db), { recursive: true });
    writeFileSync(s.db, 'not a database at all, just some text '.repeat(200));
    const r = s.run(['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*not a dealer book/);
  });

  it('dealer list | head does not crash on a closed pipe', () => {
    // Forty rows, more than one pipe read of `head`, in one start rather than forty.
    const rows = Array.from({ length: 40 }, (_, i) => `P${i},1380013${String(8000 + i)}`);
    writeFileSync(join(s.dir, 'forty.csv'), `name,phone\r\n${rows.join('\r\n')}\r\n`);
    s.ok(['import', 'prospects', join(s.dir, 'forty.csv')]);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list | head -n 1; echo "status $?"`], {
      env: s.env,
      encoding: 'utf8',
    });
    // Only the count may reach stderr (where counts go when stdout is a pipe): no error, no trace.
    expect(r.stderr).toMatch(/^(40 prospect\(s\)\n)?$/);
    expect(r.stdout).toMatch(/status 0/);
  });
});

describe('privacy', () => {
  it('creates the folder 0700 and the book 0600 even under umask 000', () => {
    const r = spawnSync(
      'sh',
      ['-c', `umask 000; "${process.execPath}" "${BIN}" add-prospect "Wang Lei" --phone 13800138000`],
      {
        env: s.env,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(statSync(s.db).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(s.db)).mode & 0o777).toBe(0o700);
    for (const f of [`${s.db}-wal`, `${s.db}-shm`]) if (existsSync(f)) expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('tightens a book that is readable by others', () => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    chmodSync(s.db, 0o644);
    s.run(['add-prospect', 'Li Na', '--phone', '13900139000']);
    expect(statSync(s.db).mode & 0o777).toBe(0o600);
  });
});

describe('help', () => {
  const commands = [
    'add-prospect',
    'list',
    'show',
    'edit',
    'today',
    'visit',
    'won',
    'lost',
    'classify',
    'config',
    'demo',
    'script',
    'consult',
  ];
  it.each(commands)('%s --help in English and Chinese, with examples', (cmd) => {
    const en = s.run([cmd, '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Examples:');
    expect(en.stdout).toContain(`$ dealer ${cmd}`);
    const zh = s.run([cmd, '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('示例：');
    expect(zh.stdout).toMatch(/[\u4e00-\u9fff]/);
  });

  it('--lang zh and DEALER_LANG switch the language', () => {
    expect(s.run(['--lang', 'zh', 'show', '9']).stderr).toContain('没有编号为 #9 的客户');
    expect(s.run(['show', '9'], { env: { DEALER_LANG: 'zh' } }).stderr).toContain('没有编号为 #9 的客户');
    expect(s.run(['show', '9'], { env: { LANG: 'zh_CN.UTF-8', DEALER_LANG: 'en' } }).stderr).toContain(
      'no prospect #9',
    );
  });
});
