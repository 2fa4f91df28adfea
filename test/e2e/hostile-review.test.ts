// What a hostile review of the trust fixes still broke, one case each: a restore undone within the
// same second, a report over a backup kept elsewhere, another program's database named as the book,
// an import from a device, leftovers doctor did not clean, a backup to "-".
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookBytes } from '../helpers/bytes.js';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Real Customer', '--phone', '13800138000']);
});
afterEach(() => s.cleanup());

const hash = bookBytes;
const names = () => s.json<{ name: string }[]>(['list']).map((p) => p.name);

describe('restore', () => {
  it('undoing a wrong restore in the same second brings the real book back', () => {
    s.ok(['demo']);
    s.ok(['restore', join(s.dir, 'book', 'demo.db'), '--yes']);
    const safety = readdirSync(join(s.dir, 'book', 'backups')).filter((f) => f.startsWith('before-restore'));
    expect(safety).toHaveLength(1);
    // DEALER_NOW pins the clock to the second: the second safety copy gets the same stamp.
    s.ok(['restore', join(s.dir, 'book', 'backups', safety[0]!), '--yes']);
    expect(names()).toEqual(['Real Customer']);
    // Both safety copies are kept: the demo book's and the real one's.
    expect(readdirSync(join(s.dir, 'book', 'backups')).filter((f) => f.startsWith('before-restore'))).toHaveLength(2);
  });
});

describe('an export never replaces a database', () => {
  it.each(['report', 'calendar'])('%s --out over a backup kept elsewhere is refused, the backup intact', (cmd) => {
    const copy = join(s.dir, 'safe.db');
    s.ok(['backup', copy]);
    const before = hash(copy);
    const r = s.run(cmd === 'report' ? ['report', 'prospects', '--out', copy] : ['calendar', '--out', copy]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*safe\.db is a database/);
    expect(hash(copy)).toEqual(before);
  });
});

describe("another program's database named as the book", () => {
  function foreign(version: number): string {
    const path = join(s.dir, 'firefox.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES (1)');
    db.pragma(`user_version = ${version}`);
    db.close();
    spawnSync('chmod', ['644', path]);
    return path;
  }

  it.each([0, 7])('user_version %i: reading and writing refused, the file unchanged to the byte and mode', (version) => {
    const path = foreign(version);
    const before = hash(path);
    for (const args of [['list'], ['add-prospect', 'X', '--phone', '13900139000']]) {
      const r = s.run(args, { env: { DEALER_DB: path } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: .*firefox\.sqlite is a database of another program/);
    }
    expect(hash(path)).toEqual(before);
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('an empty SQLite file is made a book, and marked as one', () => {
    const path = join(s.dir, 'empty.db');
    new Database(path).close();
    s.ok(['add-prospect', 'X', '--phone', '13900139000'], { DEALER_DB: path });
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x444c5231);
    db.close();
  });
});

describe('odd inputs', () => {
  it('import from a character device is refused instead of reading forever', () => {
    const dev = join(s.dir, 'zero');
    const made = spawnSync('mknod', [dev, 'c', '1', '5']);
    if (made.status !== 0) return; // not root here: nothing to make the device with
    const r = s.run(['import', 'prospects', dev]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: /);
  });

  it('backup - is refused instead of writing a file named "-"', () => {
    const r = s.run(['backup', '-']);
    expect(r.code).toBe(2);
    expect(existsSync(join(s.dir, '-'))).toBe(false);
  });

  it('doctor removes what an interrupted backup left behind', () => {
    const backups = join(s.dir, 'book', 'backups');
    mkdirSync(backups, { recursive: true });
    // A pid no process has: the backup that wrote it was killed.
    const left = join(backups, '.dealer-20260301-090000.db.999999999.tmp');
    writeFileSync(left, 'partial copy');
    writeFileSync(`${left}-journal`, 'journal');
    const r = s.run(['doctor']);
    expect(r.stdout).toMatch(/removed 2 file/);
    expect(readdirSync(backups)).toEqual([]);
  });
});

describe('appointments in the calendar (second review)', () => {
  const vevents = (ics: string) =>
    ics
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((e) => ({
        uid: /^UID:(.*)$/m.exec(e.replace(/\r\n /g, ''))?.[1] ?? '',
        start: /^DTSTART[^:]*:(.*)$/m.exec(e)?.[1]?.trim() ?? '',
        trigger: /^TRIGGER:(.*)$/m.exec(e)?.[1]?.trim() ?? '',
      }));

  it('two appointments on one day are two events, each reminded 30 minutes before', () => {
    s.ok(['book', '1', '--at', 'sat 10:00']);
    s.ok(['book', '1', '--at', 'sat 15:00']);
    const timed = vevents(s.ok(['calendar', '--out', '-']).stdout).filter((e) => e.start.includes('T'));
    expect(timed.map((e) => e.start)).toEqual(['20260307T100000', '20260307T150000']);
    expect(new Set(timed.map((e) => e.uid)).size).toBe(2);
    expect(timed.map((e) => e.trigger)).toEqual(['-PT30M', '-PT30M']);
  });

  it('a lost prospect cannot be booked', () => {
    s.ok(['lost', '1', '--reason', 'bought elsewhere']);
    const r = s.run(['book', '1', '--at', 'sat 10:00']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: #1 is marked lost/);
  });
});
