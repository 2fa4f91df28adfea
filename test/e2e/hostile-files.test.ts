// Hostile file names and files (issue 10, items 1-4, 11, 15): whatever path is typed after --out,
// backup or restore, and whatever file sits where dealer writes, the book and its -wal survive
// byte for byte, and the refusal is one line with exit 2.
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { bookBytes } from '../helpers/bytes.js';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
/** Held open so the book keeps a -wal with the second prospect in it: the side file is tested too. */
let holder: Database.Database | undefined;

const hash = bookBytes;

function refused(args: string[], message: RegExp): void {
  const before = bookBytes(s.db);
  const r = s.run(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(bookBytes(s.db)).toEqual(before);
}

beforeEach(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
  holder = new Database(s.db);
  holder.prepare('SELECT count(*) FROM prospect').get();
  s.ok(['add-prospect', 'Li Na', '--phone', '13900139000']);
  expect(statSync(`${s.db}-wal`).size).toBeGreaterThan(0);
});
afterEach(() => {
  holder?.close();
  holder = undefined;
  s.cleanup();
});

describe('report and calendar --out', () => {
  it('refuses the book itself', () => {
    refused(['report', 'prospects', '--out', s.db], /dealer\.db is the book itself/);
  });

  it('refuses the book spelt with ..', () => {
    refused(['report', 'prospects', '--out', './book/../book/dealer.db'], /is the book itself/);
  });

  it('refuses a symlink to the book', () => {
    symlinkSync(s.db, join(s.dir, 'link.csv'));
    refused(['report', 'prospects', '--out', join(s.dir, 'link.csv')], /is the book itself/);
  });

  it('refuses a hard link to the book', () => {
    linkSync(s.db, join(s.dir, 'alias.csv'));
    refused(['report', 'prospects', '--out', join(s.dir, 'alias.csv')], /is the book itself/);
  });

  it('refuses the book -wal', () => {
    refused(['report', 'prospects', '--out', `${s.db}-wal`], /dealer\.db-wal belongs to the book/);
  });

  it('refuses the book -shm', () => {
    refused(['calendar', '--out', `${s.db}-shm`], /dealer\.db-shm belongs to the book/);
  });

  it('refuses the book -journal, even when there is none', () => {
    refused(['report', 'prospects', '--out', `${s.db}-journal`], /dealer\.db-journal belongs to the book/);
  });

  it('refuses a backup', () => {
    s.ok(['backup']);
    const backup = readdirSync(join(s.dir, 'book', 'backups'))[0]!;
    const path = join(s.dir, 'book', 'backups', backup);
    const before = hash(path);
    refused(['calendar', '--out', path], /is in the backups folder/);
    expect(hash(path)).toEqual(before);
  });

  it('refuses a folder', () => {
    refused(['report', 'prospects', '--out', join(s.dir, 'book')], /book is a folder/);
  });

  it('refuses a FIFO and leaves it a FIFO', () => {
    const fifo = join(s.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    refused(['report', 'prospects', '--out', fifo], /pipe is a device or a pipe, not a file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a device node and leaves it a device', () => {
    // As root a broken dealer could replace the machine's /dev/null, so root tests a private copy
    // of it; anyone else cannot write in /dev, and /dev/null itself is safe to aim at.
    let device = join(s.dir, 'null');
    try {
      execFileSync('mknod', ['-m', '666', device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      device = '/dev/null';
    }
    refused(['calendar', '--out', device], /null is a device or a pipe/);
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it("refuses --out ''", () => {
    refused(['report', 'prospects', '--out', ''], /the file name is empty/);
  });

  it('takes --out - as the screen', () => {
    const r = s.ok(['report', 'prospects', '--out', '-']);
    expect(r.stdout).toMatch(/^id,name,phone/);
    expect(existsSync(join(s.dir, '-'))).toBe(false);
  });
});

describe('backup', () => {
  it('refuses the book -wal', () => {
    refused(['backup', `${s.db}-wal`], /dealer\.db-wal belongs to the book/);
  });

  it('refuses the book itself', () => {
    refused(['backup', s.db], /is the book itself/);
  });

  it('refuses a folder', () => {
    refused(['backup', s.dir], /is a folder/);
  });

  it('does not overwrite an existing file without --force', () => {
    const copy = join(s.dir, 'copy.db');
    s.ok(['backup', copy]);
    const first = hash(copy);
    refused(['backup', copy], /copy\.db already exists — add --force/);
    expect(hash(copy)).toEqual(first);
    s.ok(['backup', copy, '--force']);
  });

  it('cleans the temporary files an interrupted backup left', () => {
    const dir = join(s.dir, 'book', 'backups');
    mkdirSync(dir, { recursive: true });
    // The pid of a process that has ended: its temporary files can belong to no running backup.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = join(dir, `.dealer-20260301-080000.db.${dead.stdout}.tmp`);
    writeFileSync(stale, 'SQLite format 3\0 half a copy');
    writeFileSync(`${stale}-journal`, 'journal');
    s.ok(['backup']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('demo', () => {
  it('will not replace a real book called demo.db', () => {
    const demo = join(s.dir, 'book', 'demo.db');
    s.ok(['add-prospect', 'Zhang Wei', '--phone', '13700137000'], { DEALER_DB: demo });
    const before = hash(demo);
    refused(['demo'], /demo\.db was not made by dealer demo/);
    expect(hash(demo)).toEqual(before);
  });

  it('replaces a sample book it made', () => {
    s.ok(['demo']);
    s.ok(['demo']);
  });
});

describe('restore', () => {
  it('refuses an SQLite file that is not a dealer book', () => {
    const bogus = join(s.dir, 'bogus.db');
    const db = new Database(bogus);
    db.exec('CREATE TABLE prospect(x)');
    db.close();
    refused(['restore', bogus, '--yes'], /bogus\.db is not a dealer book/);
  });

  it('refuses a random file', () => {
    writeFileSync(join(s.dir, 'noise.db'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff)));
    refused(['restore', join(s.dir, 'noise.db'), '--yes'], /noise\.db is not a dealer backup/);
  });

  it('refuses an empty file', () => {
    writeFileSync(join(s.dir, 'empty.db'), '');
    refused(['restore', join(s.dir, 'empty.db'), '--yes'], /empty\.db is not a dealer backup/);
  });

  it('names the safety copy when it fails after taking it', () => {
    // A schema-1 book holding a table the next migration creates: it passes the check, then the
    // upgrade after the copy fails.
    const old = join(s.dir, 'old.db');
    const db = new Database(old);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec('CREATE TABLE undo_command(x)');
    db.close();
    const r = s.run(['restore', old, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^error: the restore failed: .*kept in .*backups\/before-restore-[\d-]+\.db — .*dealer restore /,
    );
  });
});

describe('restore over a book that cannot be opened', () => {
  beforeEach(() => {
    holder?.close();
    holder = undefined;
    s.ok(['backup', join(s.dir, 'good.db')]);
  });

  it('works when the book is garbage, keeping its bytes aside', () => {
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37) & 0xff));
    writeFileSync(s.db, garbage);
    const r = s.json<{ prospects: number; safety: string }>(['restore', join(s.dir, 'good.db'), '--yes']);
    expect(r.prospects).toBe(2);
    expect(readFileSync(r.safety)).toEqual(garbage);
    expect(s.ok(['list']).stdout).toMatch(/Li Na/);
  });

  it('works when a newer dealer wrote the book', () => {
    const db = new Database(s.db);
    db.pragma('user_version = 999');
    db.close();
    const r = s.json<{ prospects: number; safety: string }>(['restore', join(s.dir, 'good.db'), '--yes']);
    expect(r.prospects).toBe(2);
    expect(s.ok(['list']).stdout).toMatch(/Wang Lei/);
  });
});
