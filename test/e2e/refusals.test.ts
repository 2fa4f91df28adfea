// Every refusal dealer handles, not already covered elsewhere: one line on stderr, the right exit
// code, and nothing written.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookBytes } from '../helpers/bytes.js';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const hash = bookBytes;

function refused(args: string[], code: number, message: RegExp, env?: Record<string, string | undefined>) {
  const before = hash(s.db);
  const r = s.run(args, { env });
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(hash(s.db)).toEqual(before);
}

describe('with a prospect in the book', () => {
  beforeEach(() => {
    s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
  });

  it.each([
    [['list', '--tier'], /option --tier <tier> needs a value/],
    [
      ['add-prospect', 'X', '--phone', '13900139000', '--cycle', 'medium', '--batch', 'large'],
      /"medium" is not a purchasing cycle/,
    ],
    [
      ['add-prospect', 'X', '--phone', '13900139000', '--cycle', 'short', '--batch', 'huge'],
      /"huge" is not a batch size/,
    ],
    [['add-prospect', 'X', '--phone', '13900139000', '--cycle', 'short'], /missing --cycle, --batch/],
    [['classify', '1', '--need', 'maybe'], /"maybe" is not yes or no/],
    [['visit', '1', '--objection', 'weather'], /"weather" is not an objection/],
    [['edit', '1', '--referred-by', '1'], /cannot refer themselves/],
    [['config', 'set', 'goal.daily', '-1'], /goal.daily must be a whole number/],
    [['config', 'set', 'lang', 'fr'], /lang must be one of en, zh/],
    [['config', 'get'], /missing key/],
    [['config', 'set', 'goal.daily'], /missing value/],
    [['backup', join('book', 'dealer.db')], /is the book itself/],
    [['import', 'prospects', '.'], /is a folder/],
    [['report', '--out', '.'], /is a folder/],
    // Appointments, contact corrections, delivery and working the list (found untested by review)
    [['book', '1', '--at', 'sat 10:00', '--kind', 'dinner'], /"dinner" is not an appointment kind/],
    [['book', '1', '--at', 'someday'], /"someday" is not a day and a time/],
    [['book', '--cancel', '9'], /no appointment #9/],
    [['book'], /book needs the prospect to book/],
    [['book', '1'], /an appointment needs a time: --at/],
    [['contact', 'rename', '1'], /"rename" is not something to do to a contact/],
    [['contact', 'delete', '99'], /there is no contact #99/],
    [['delivered', '1'], /#1 has no order yet/],
    [['visit', '1', '--stage', 'won'], /a visit cannot set the stage to "won": dealer won records it/],
    [['today', '--work', '--all'], /today --work walks today's list/],
  ])('%j is exit 2', (args, message) => {
    refused(
      args.map((a) => (a === join('book', 'dealer.db') ? s.db : a === '.' ? s.dir : a)),
      2,
      message,
    );
  });

  it('won twice is refused, naming when', () => {
    s.ok(['won', '1']);
    refused(['won', '1'], 2, /#1 is already won \(2026-03-02\)/);
  });

  it('an encoding dealer does not know is exit 2', () => {
    writeFileSync(join(s.dir, 'p.csv'), 'name,phone\r\nA,13900139000\r\n');
    refused(['import', 'prospects', join(s.dir, 'p.csv'), '--encoding', 'klingon'], 2, /"klingon" is not an encoding/);
  });

  it('a file that is neither UTF-8 nor GBK-looking is refused without guessing', () => {
    writeFileSync(
      join(s.dir, 'bin.csv'),
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0x0a]),
    );
    refused(['import', 'prospects', join(s.dir, 'bin.csv')], 2, /bin\.csv is not UTF-8 — save it as "CSV UTF-8"/);
  });

  it('restoring a damaged backup changes nothing', () => {
    const copy = join(s.dir, 'copy.db');
    s.ok(['backup', copy]);
    const bytes = readFileSync(copy);
    // Page 2, the prospect table's root, overwritten whole: header and cells.
    for (let i = 4096; i < 8192; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(copy, bytes);
    refused(['restore', copy, '--yes'], 1, /the backup .*copy\.db is damaged; nothing was changed/);
  });

  it('the sample book will not replace a book named demo.db', () => {
    const demo = join(s.dir, 'book', 'demo.db');
    s.ok(['add-prospect', 'Li Na', '--phone', '13900139000'], { DEALER_DB: demo });
    const before = hash(demo);
    const r = s.run(['demo'], { env: { DEALER_DB: demo } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would replace your book/);
    expect(hash(demo)).toEqual(before);
  });
});

describe('without a book', () => {
  it('backup says there is nothing to back up yet, and creates nothing', () => {
    refused(['backup'], 2, /there is no book at .* yet/);
    expect(existsSync(s.db)).toBe(false);
  });

  it('doctor says the same', () => {
    refused(['doctor'], 2, /there is no book at/);
  });

  // A file where a folder should be is the path typed wrong (exit 2), as a folder named as the book is.
  it('a book path through a file is exit 2, naming it', () => {
    const blocker = join(s.dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000'], {
      env: { DEALER_DB: join(blocker, 'dealer.db') },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: part of .*a-file\/dealer\.db is a file, not a folder/);
  });
});

describe('refusals of the deal, appointments, organisations and files found untested by review', () => {
  beforeEach(() => {
    s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    s.ok(['add-prospect', 'Org', '--org', 'Harbour Co', '--phone', '13900139000', '--cycle', 'short', '--batch', 'large']);
    s.ok(['add-prospect', 'Gone', '--phone', '13700137000']);
    s.ok(['lost', '3', '--reason', 'moved away']);
  });

  it.each([
    [['book', '3', '--at', 'sat 10:00'], /#3 is marked lost: no appointment can be booked/],
    [['people', 'milestone', '2', 'tender', '2026-04-10', '--move-to', '2026-04-17', '--remove'], /give --move-to or --remove, not both/],
    [['people', 'milestone', '2', 'tender'], /a milestone needs the organisation, its kind and its day/],
    [['people', 'add', '2'], /people add needs the organisation and the name/],
    [['people', 'frobnicate'], /"frobnicate" is neither an organisation's id nor add, edit, remove or milestone/],
  ])('%j is exit 2', (args, message) => refused(args, 2, message));

  it('a delivery before the order is refused, naming both days', () => {
    s.ok(['won', '1']);
    refused(['delivered', '1', '--date', '2026-03-01'], 2, /a delivery on 2026-03-01 would come before the order on 2026-03-02/);
  });

  it('a milestone for a lost organisation is refused: it would never be on the list', () => {
    s.ok(['lost', '2', '--reason', 'chose another brand']);
    refused(['people', 'milestone', '2', 'tender', '2026-04-10'], 2, /#2 is marked lost: a milestone would never be on the list/);
  });

  it('a report is not written over another SQLite file (a backup kept elsewhere)', () => {
    const other = join(s.dir, 'other.db');
    s.ok(['backup', other]);
    const before = readFileSync(other);
    refused(['report', 'prospects', '--out', other], 2, /is a database \(a backup or a book\?\)/);
    expect(readFileSync(other)).toEqual(before);
  });

  it('an imported expected purchase before the prospect was added stops the import, naming the line', () => {
    const file = join(s.dir, 'exp.csv');
    writeFileSync(file, 'name,phone,created,expected\nZhou,13300133000,2026-02-01,2026-01-15\n');
    refused(['import', 'prospects', file], 2, /line 2: an expected purchase date cannot be before the prospect was added/);
  });
});

describe('a backup written by a newer dealer', () => {
  it('is not restored', () => {
    s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const copy = join(s.dir, 'newer.db');
    s.ok(['backup', copy]);
    const db = new Database(copy);
    db.pragma('user_version = 999');
    db.close();
    mkdirSync(join(s.dir, 'book'), { recursive: true });
    refused(['restore', copy, '--yes'], 1, /written by a newer dealer/);
  });
});
