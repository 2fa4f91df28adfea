// Paths a hostile or unlucky user gives dealer: a book that is not a book, side files that are links,
// read-only books and folders, full and read-only disks, wrong kinds of files, relative XDG folders.
// Each case: the exit code, one line on stderr, and every file involved unchanged (bytes and mode).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Result, type Sandbox } from '../helpers/cli.js';

/** A book with two prospects, made once and copied into each case: CLI starts are slow here. */
let seed: Sandbox;
beforeAll(() => {
  seed = sandbox('2026-03-02');
  seed.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--wechat', 'wanglei88']);
  seed.ok(['add-prospect', 'Li Na', '--phone', '13900139000']);
});
afterAll(() => seed.cleanup());

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  mkdirSync(join(s.dir, 'book'), { mode: 0o700 });
  copyFileSync(seed.db, s.db);
});
afterEach(() => s.cleanup());

/** Bytes and mode of a file (or of what a link points at): what "unchanged" is checked against. */
const state = (file: string) => (existsSync(file) ? { bytes: readFileSync(file), mode: statSync(file).mode } : null);

function oneLine(r: Result, code: number, message: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(message);
}

describe('a book that is not a book (item 10)', () => {
  it('DEALER_DB at a 0644 text file: exit 1, the file keeps its mode and bytes', () => {
    const passwd = join(s.dir, 'passwd');
    writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\n', { mode: 0o644 });
    chmodSync(passwd, 0o644);
    const before = state(passwd);
    oneLine(s.run(['list'], { env: { DEALER_DB: passwd } }), 1, /passwd is not a dealer book/);
    expect(state(passwd)).toEqual(before);
  });

  it('a command that writes is refused the same way, before anything is created beside it', () => {
    const notes = join(s.dir, 'notes.txt');
    writeFileSync(notes, 'not a database at all, but long enough', { mode: 0o644 });
    chmodSync(notes, 0o644);
    const before = state(notes);
    oneLine(
      s.run(['add-prospect', 'X', '--phone', '13700137000'], { env: { DEALER_DB: notes } }),
      1,
      /not a dealer book/,
    );
    expect(state(notes)).toEqual(before);
    expect(readdirSync(s.dir).filter((f) => f.startsWith('notes.txt'))).toEqual(['notes.txt']);
  });

  it('a FIFO named as the book is refused at once (exit 2), never opened', () => {
    const fifo = join(s.dir, 'pipe.db');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Opening a FIFO blocks until someone writes to it: a timeout keeps a regression from hanging the suite.
    const r = spawnSync(process.execPath, [BIN, 'list'], {
      env: { ...s.env, DEALER_DB: fifo },
      encoding: 'utf8',
      timeout: 20_000,
    });
    oneLine({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, 2, /pipe\.db is not a dealer book/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a -wal that is a symbolic link is refused and its target left alone', () => {
    const target = join(s.dir, 'precious.txt');
    writeFileSync(target, 'someone else’s file', { mode: 0o644 });
    chmodSync(target, 0o644);
    symlinkSync(target, `${s.db}-wal`);
    const before = { target: state(target), book: state(s.db) };
    oneLine(s.run(['visit', '1', '--note', 'x']), 1, /dealer\.db-wal is a symbolic link or not a plain file/);
    expect({ target: state(target), book: state(s.db) }).toEqual(before);
  });

  it('a -checked stamp that is a symbolic link is not written through', () => {
    const target = join(s.dir, 'precious.txt');
    writeFileSync(target, 'keep me', { mode: 0o644 });
    chmodSync(target, 0o644);
    rmSync(`${s.db}-checked`, { force: true });
    symlinkSync(target, `${s.db}-checked`);
    const before = state(target);
    expect(s.run(['visit', '1', '--note', 'x']).code).toBe(0);
    expect(state(target)).toEqual(before);
  });

  it('a -shm that is a symbolic link stops reading commands too', () => {
    const target = join(s.dir, 'precious.txt');
    writeFileSync(target, 'x'.repeat(100), { mode: 0o644 });
    chmodSync(target, 0o644);
    symlinkSync(target, `${s.db}-shm`);
    const before = state(target);
    oneLine(s.run(['list']), 1, /dealer\.db-shm is a symbolic link/);
    expect(state(target)).toEqual(before);
  });
});

describe('forget reaches the backups (item 11)', () => {
  it('finds every backup and stale leftover holding any name or number they had, and scrubs them', () => {
    const backup = join(s.dir, 'book', 'backups', 'dealer-20260301-090000.db');
    s.ok(['backup', backup]);
    // Renamed and given a new number since the backup: the book no longer says "Wang Lei".
    s.ok(['edit', '1', '--name', 'Wang Leo', '--phone', '13700137000']);
    // A backup killed half-way (its pid long gone), still holding the old rows.
    const leftover = join(s.dir, 'book', 'backups', '.dealer-20260301-100000.db.999999999.tmp');
    copyFileSync(backup, leftover);
    const r = s.run(['forget', '1', '--yes', '--scrub-backups', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ backups: [backup, leftover], scrubbed: [backup, leftover] });
    expect(existsSync(leftover)).toBe(false);
    const text = readFileSync(backup).toString('latin1');
    for (const secret of ['Wang Lei', '13800138000', 'wanglei88']) expect(text.includes(secret), secret).toBe(false);
    const db = new Database(backup, { readonly: true });
    expect(db.prepare('SELECT name FROM prospect').pluck().all()).toEqual(['Li Na']);
    db.close();
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('without --scrub-backups it lists them, old names included, and leaves them be', () => {
    const backup = join(s.dir, 'book', 'backups', 'dealer-20260301-090000.db');
    s.ok(['backup', backup]);
    s.ok(['edit', '1', '--name', 'Wang Leo', '--phone', '13700137000']);
    const before = state(backup);
    const r = s.run(['forget', '1', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ backups: [backup], scrubbed: [] });
    expect(state(backup)).toEqual(before);
  });
});

describe('doctor looks for real (item 12)', () => {
  it('a 0777 folder is reported with the chmod to run, exit 1', () => {
    chmodSync(join(s.dir, 'book'), 0o777);
    const r = s.run(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BAD\s+mode .*book: 777 \(run: chmod 700 '.*book'\)/);
  });

  it('a book whose contact table was dropped is damaged, exit 1', () => {
    const db = new Database(s.db);
    db.exec('PRAGMA foreign_keys = OFF; DROP TABLE contact;');
    db.close();
    const r = s.run(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BAD\s+schema_match: .*missing table contact/);
    expect(r.stderr).toMatch(/^error: the book is damaged/);
  });

  it('a command that writes refuses such a book, and leaves it as it was', () => {
    const db = new Database(s.db);
    db.exec('PRAGMA foreign_keys = OFF; DROP TABLE contact;');
    db.close();
    const before = state(s.db);
    oneLine(s.run(['visit', '1', '--note', 'x']), 1, /the book .* is damaged — nothing was written/);
    expect(state(s.db)).toEqual(before);
  });

  it('a book whose undo tables were dropped is damaged, exit 1', () => {
    const db = new Database(s.db);
    db.exec('DROP TABLE undo_step; DROP TABLE undo_command;');
    db.close();
    const r = s.run(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BAD\s+schema_match: .*missing table undo_command/);
  });
});

describe('the machine, not dealer (item 13)', () => {
  it('--out under a plain file: ENOTDIR names the path, exit 2', () => {
    const file = join(s.dir, 'notes.txt');
    writeFileSync(file, 'x');
    const before = state(s.db);
    oneLine(
      s.run(['report', 'prospects', '--out', join(file, 'week.csv')]),
      2,
      /part of .*notes\.txt is a file, not a folder/,
    );
    expect(state(s.db)).toEqual(before);
  });

  it('import of a folder is exit 2, naming it', () => {
    oneLine(s.run(['import', 'prospects', s.dir]), 2, /is a folder/);
  });
});

/** A small tmpfs of our own, when this machine lets us mount one (root in a privileged container). */
function tmpfs(size: string): string | null {
  const at = join(tmpdir(), `dealer-mnt-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(at);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]).status !== 0) {
    rmSync(at, { recursive: true });
    return null;
  }
  return at;
}
const unmount = (at: string) => {
  spawnSync('umount', [at]);
  rmSync(at, { recursive: true, force: true });
};
const canMount = (() => {
  const at = tmpfs('16k');
  if (at) unmount(at);
  return at !== null;
})();

describe.skipIf(!canMount)('full and read-only disks (item 13)', () => {
  let mnt: string;
  beforeEach(() => {
    mnt = tmpfs('512k')!;
  });
  /** Fills the disk to the last block (the write that no longer fits throws). */
  const fillUp = () => {
    try {
      writeFileSync(join(mnt, 'fill'), Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC: full, as wanted
    }
  };
  afterEach(() => unmount(mnt));

  it('a backup onto a full disk says the disk is full, naming the copy, exit 1', () => {
    const before = state(s.db);
    const dest = join(mnt, 'copy.db');
    fillUp();
    oneLine(s.run(['backup', dest]), 1, new RegExp(`the disk is full \\(writing ${dest}\\)`));
    expect(state(s.db)).toEqual(before);
    expect(readdirSync(mnt)).toEqual(['fill']);
  });

  it('a report onto a read-only disk names the folder, exit 1', () => {
    expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    oneLine(
      s.run(['report', 'prospects', '--out', join(mnt, 'week.csv')]),
      1,
      new RegExp(`${mnt} is on a read-only disk`),
    );
  });

  it('a book on a full disk: the write fails with what to do, and the book is still sound', () => {
    const book = join(mnt, 'dealer.db');
    copyFileSync(s.db, book);
    fillUp();
    const csv = join(s.dir, 'many.csv');
    const rows = Array.from(
      { length: 300 },
      (_, i) => `P${i},1360013${String(i).padStart(4, '0')},a long note ${'x'.repeat(80)}`,
    );
    writeFileSync(csv, `name,phone,note\n${rows.join('\n')}\n`);
    const r = s.run(['import', 'prospects', csv], { env: { DEALER_DB: book } });
    oneLine(r, 1, /disk is full|disk failed/);
    expect(r.stderr).not.toMatch(/something went wrong|report it/);
    rmSync(join(mnt, 'fill'));
    expect(s.run(['list', '--json'], { env: { DEALER_DB: book } }).code).toBe(0);
  });
});

/** Runs dealer as `nobody`: as root, permission bits stop nothing, so read-only cases need another user. */
const asNobody = (args: string[], db: string): Result => {
  const env = Object.entries({ ...s.env, DEALER_DB: db }).map(([k, v]) => `${k}=${v}`);
  const r = spawnSync('runuser', ['-u', 'nobody', '--', 'env', ...env, process.execPath, BIN, ...args], {
    encoding: 'utf8',
    cwd: '/',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
const nobody = (() => {
  if (process.getuid?.() !== 0) return null;
  const r = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  // nobody must also reach this node and dealer: a checkout or a node inside a private (0700) folder
  // cannot be run as another user, and then these cases cannot be shown here.
  const runs = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, BIN, '--version'], { cwd: '/' });
  return r.status === 0 && runs.status === 0 ? Number(r.stdout) : null;
})();

describe.skipIf(nobody === null)('read-only books and folders, as a user root is not (item 14)', () => {
  let folder: string;
  beforeEach(() => {
    folder = join(s.dir, 'book');
    chmodSync(s.dir, 0o755);
    for (const f of [folder, ...readdirSync(folder).map((f) => join(folder, f))]) chownSync(f, nobody!, 0);
  });

  it('a 0400 book: list works, a visit is refused naming the book, which is unchanged', () => {
    chmodSync(s.db, 0o400);
    const before = state(s.db);
    const list = asNobody(['list', '--json'], s.db);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);
    oneLine(asNobody(['visit', '1', '--note', 'x'], s.db), 1, new RegExp(`the book ${s.db} is read-only`));
    expect(state(s.db)).toEqual(before);
  });

  it('a read-only folder: list, today, show and report work; a write is refused naming the folder', () => {
    chmodSync(folder, 0o500);
    const before = state(s.db);
    for (const args of [['list'], ['today'], ['show', '1'], ['report', 'prospects']]) {
      const r = asNobody(args, s.db);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/Wang Lei/);
    }
    oneLine(
      asNobody(['add-prospect', 'X', '--phone', '13700137000'], s.db),
      1,
      new RegExp(`the folder ${folder} is read-only`),
    );
    expect(state(s.db)).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(['dealer.db']);
  });

  it('a report into a folder nobody may write to: permission denied, naming the folder, exit 1', () => {
    const closed = join(s.dir, 'closed');
    mkdirSync(closed, { mode: 0o755 });
    oneLine(
      asNobody(['report', 'prospects', '--out', join(closed, 'week.csv')], s.db),
      1,
      new RegExp(`permission denied: ${closed}`),
    );
    expect(readdirSync(closed)).toEqual([]);
  });

  it('a stale read-only -shm left by an earlier dealer does not block the next write', () => {
    writeFileSync(`${s.db}-shm`, '');
    chownSync(`${s.db}-shm`, nobody!, 0);
    chmodSync(`${s.db}-shm`, 0o400);
    const r = asNobody(['visit', '1', '--note', 'after a stale shm'], s.db);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a read-only -shm owned by someone else is named', () => {
    writeFileSync(`${s.db}-shm`, '');
    chmodSync(`${s.db}-shm`, 0o444);
    const before = state(s.db);
    oneLine(asNobody(['visit', '1'], s.db), 1, /dealer\.db-shm is read-only and belongs to another user/);
    expect(state(s.db)).toEqual(before);
  });
});

describe('XDG folders (item 16)', () => {
  it('a relative XDG_DATA_HOME is ignored: the book goes to ~/.local/share/dealer', () => {
    const r = s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000'], {
      env: { DEALER_DB: undefined, XDG_DATA_HOME: 'relative/data' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(s.dir, 'home', '.local', 'share', 'dealer', 'dealer.db'))).toBe(true);
    expect(existsSync(join(s.dir, 'relative'))).toBe(false);
  });
});
