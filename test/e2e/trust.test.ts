// Trust, done for real: several terminals at once, a writer that cannot get the lock, a damaged
// page, backups and restores, undo, forgetting a customer, and file modes under a permissive umask.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { bookBytes } from '../helpers/bytes.js';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const ok = (args: string[]) => s.ok(args);
const sql = <T>(query: string, ...params: unknown[]) => {
  const db = new Database(s.db, { readonly: true });
  try {
    return db
      .prepare(query)
      .pluck()
      .get(...params) as T;
  } finally {
    db.close();
  }
};
const runAsync = (args: string[]) =>
  new Promise<number>((done) =>
    spawn(process.execPath, [BIN, ...args], { env: s.env, stdio: 'ignore' }).on('exit', (c) => done(c ?? -1)),
  );

describe('several terminals at once', () => {
  it('four writers adding contacts to one book: every contact is kept', async () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const writer = async (w: number) => {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(await runAsync(['visit', '1', '--kind', 'call', '--note', `writer ${w} call ${i}`]));
      return codes;
    };
    const codes = (await Promise.all([0, 1, 2, 3].map(writer))).flat();
    expect(codes.every((c) => c === 0)).toBe(true);
    expect(sql<number>('SELECT count(*) FROM contact')).toBe(20);
    expect(sql<number>("SELECT count(DISTINCT note) FROM contact WHERE note LIKE 'writer %'")).toBe(20);
    expect(sql<string>('PRAGMA integrity_check')).toBe('ok');
  });

  it('a writer still blocked after the timeout says so, exits 1 and changes nothing', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const holder = join(s.dir, 'hold.mjs');
    writeFileSync(
      holder,
      `import Database from ${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))};
       const db = new Database(${JSON.stringify(s.db)});
       db.exec('BEGIN IMMEDIATE');
       console.log('locked');
       setInterval(() => {}, 60_000); // holds the lock until the test kills it, however slow the machine`,
    );
    const lock = spawn(process.execPath, [holder], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise<void>((done, fail) => {
      lock.stdout.once('data', () => {
        try {
          // How long it waits is the connection's busy timeout (test/store/open.test.ts), not a clock here.
          const r = s.run(['visit', '1', '--note', 'blocked']);
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(/^error: another dealer is writing to this book, try again/);
          lock.kill();
          expect(sql<number>('SELECT count(*) FROM contact')).toBe(0);
          done();
        } catch (e) {
          lock.kill();
          fail(e);
        }
      });
    });
  });
});

describe('a damaged book', () => {
  // One damaged book for the whole file, copied into each test's sandbox: building it by adding
  // sixty prospects one start at a time cost a minute per test on a loaded machine.
  let damaged: Buffer;
  beforeAll(() => {
    const maker = sandbox('2026-03-02');
    try {
      const note = 'a note long enough to fill pages '.repeat(4);
      const rows = Array.from({ length: 60 }, (_, i) => `P${i},13800${String(100000 + i)},${note}`);
      writeFileSync(join(maker.dir, 'many.csv'), `name,phone,note\r\n${rows.join('\r\n')}\r\n`);
      maker.ok(['import', 'prospects', join(maker.dir, 'many.csv')]);
      damaged = readFileSync(maker.db);
      // Garbage in the middle of a b-tree page that holds prospect rows.
      const page = 4096 * 5;
      for (let i = 100; i < 2100; i++) damaged[page + i] = (i * 7919) & 0xff;
    } finally {
      maker.cleanup();
    }
  });
  function damage() {
    mkdirSync(join(s.dir, 'book'), { recursive: true });
    for (const side of ['-wal', '-shm']) rmSync(`${s.db}${side}`, { force: true });
    writeFileSync(s.db, damaged);
  }

  it('doctor says so, names what to do, and exits 1', () => {
    damage();
    const r = s.run(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BAD\s+integrity_check/);
    expect(r.stderr).toMatch(/^error: the book is damaged/);
  });

  it('commands that write refuse, and the file is left exactly as it was', () => {
    damage();
    const before = bookBytes(s.db);
    for (const args of [
      ['add-prospect', 'New', '--phone', '13900139000'],
      ['visit', '1'],
      ['config', 'set', 'goal.daily', '5'],
    ]) {
      const r = s.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: the book .* is damaged — nothing was written; run: dealer doctor/);
    }
    expect(bookBytes(s.db)).toEqual(before);
  });

  it('restoring the newest backup brings it back', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const backup = JSON.parse(ok(['backup', '--json']).stdout) as { path: string };
    damage();
    const r = s.run(['restore', backup.path, '--yes']);
    expect(r.code).toBe(0);
    expect(s.run(['doctor']).code).toBe(0);
    expect(s.json<{ name: string }[]>(['list']).map((p) => p.name)).toEqual(['Wang Lei']);
  });
});

describe('backup and restore', () => {
  it('backup writes a consistent private copy into backups/ beside the book', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    ok(['visit', '1', '--note', 'first call']);
    const b = JSON.parse(ok(['backup', '--json']).stdout) as { path: string; prospects: number; contacts: number };
    expect(b).toMatchObject({ prospects: 1, contacts: 1 });
    expect(b.path).toMatch(/backups\/dealer-\d{8}-\d{6}\.db$/);
    expect(statSync(b.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(s.dir, 'book', 'backups')).mode & 0o777).toBe(0o700);
    const copy = new Database(b.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT note FROM contact').pluck().get()).toBe('first call');
    copy.close();
    expect(readdirSync(join(s.dir, 'book', 'backups')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('restore asks first: without a terminal it needs --yes, and keeps a safety copy', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const copy = join(s.dir, 'copy.db');
    ok(['backup', copy]);
    ok(['add-prospect', 'Li Na', '--phone', '13900139000']);
    const refused = s.run(['restore', copy]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(sql<number>('SELECT count(*) FROM prospect')).toBe(2);
    const r = s.run(['restore', copy, '--yes', '--json']);
    expect(r.code).toBe(0);
    const { safety } = JSON.parse(r.stdout) as { safety: string };
    expect(sql<number>('SELECT count(*) FROM prospect')).toBe(1);
    const kept = new Database(safety, { readonly: true });
    expect(kept.prepare('SELECT count(*) FROM prospect').pluck().get()).toBe(2);
    kept.close();
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it.each([
    [['restore', 'nowhere.db', '--yes'], 2, /no file/],
    [['restore', 'notes.txt', '--yes'], 2, /not a dealer backup/],
  ])('%j is exit %i', (args, code, message) => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    writeFileSync(join(s.dir, 'notes.txt'), 'hello');
    const r = s.run(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('a book from an older dealer is backed up before its schema is upgraded', () => {
    // The book as the first schema left it: version 1, one prospect.
    mkdirSync(join(s.dir, 'book'), { recursive: true });
    const old = new Database(s.db);
    old.pragma('journal_mode = WAL');
    MIGRATIONS[0]!.up(old);
    old.pragma('user_version = 1');
    old
      .prepare(
        "INSERT INTO prospect (name, created, updated) VALUES ('Wang Lei', '2026-01-01 09:00:00', '2026-01-01 09:00:00')",
      )
      .run();
    old.close();
    const r = s.run(['list', '--json']);
    expect(r.code).toBe(0);
    const backups = readdirSync(join(s.dir, 'book', 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^before-v\d+-\d{8}-\d{6}\.db$/)]);
    const copy = new Database(join(s.dir, 'book', 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM prospect').pluck().get()).toBe('Wang Lei');
    copy.close();
    expect(sql<number>('PRAGMA user_version')).toBe(MIGRATIONS.length);
    // Upgraded once: no second backup.
    s.run(['list']);
    expect(readdirSync(join(s.dir, 'book', 'backups'))).toHaveLength(1);
  });
});

describe('undo', () => {
  beforeEach(() => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--tier', 'A', '--interest', 'Q5L']);
  });
  const show = () =>
    s.json<Record<string, unknown> & { contacts: unknown[]; reminders: { reason: string }[] }>(['show', '1']);

  it('shows the last change and takes it back; again goes further back', () => {
    ok(['visit', '1', '--kind', 'showroom', '--note', 'liked it']);
    const before = show();
    ok(['edit', '1', '--interest', 'Q7', '--budget', '400k']);
    const preview = s.run(['undo']);
    expect(preview.code).toBe(2);
    expect(preview.stdout).toMatch(/Last change: edit 1 .*changed 1 prospect/);
    expect(show()).toMatchObject({ interest: 'Q7' });
    ok(['undo', '--yes']);
    expect(show()).toEqual(before);
    ok(['undo', '--yes']);
    expect(show()).toMatchObject({ stage: 'new', nextCallback: '2026-03-03', contacts: [], reminders: [] });
    ok(['undo', '--yes']);
    expect(s.json<unknown[]>(['list'])).toEqual([]);
    expect(s.run(['undo', '--yes']).stdout).toContain('Nothing to undo');
  });

  it('after lost: the stage, the callback and the reminders come back', () => {
    ok(['visit', '1', '--kind', 'showroom']);
    const before = show();
    ok(['lost', '1', '--reason', 'bought elsewhere']);
    expect(show()).toMatchObject({ stage: 'lost', nextCallback: null, reminders: [] });
    ok(['undo', '--yes']);
    expect(show()).toEqual(before);
  });

  it('after visit: the contact goes and the booking is as it was', () => {
    const before = show();
    ok(['visit', '1', '--kind', 'delivery']);
    ok(['undo', '--yes']);
    expect(show()).toEqual(before);
  });

  it('after import: the imported prospects go, the book is as it was', () => {
    const before = s.json<unknown[]>(['list']);
    writeFileSync(join(s.dir, 'in.csv'), 'name,phone\r\nLi Na,13900139000\r\nZhou Min,13700137000\r\n');
    ok(['import', 'prospects', join(s.dir, 'in.csv')]);
    expect(s.json<unknown[]>(['list'])).toHaveLength(3);
    ok(['undo', '--yes']);
    expect(s.json<unknown[]>(['list'])).toEqual(before);
  });

  it('--list shows recent commands, newest first', () => {
    ok(['visit', '1']);
    ok(['config', 'set', 'goal.daily', '12']);
    const list = s.json<{ label: string }[]>(['undo', '--list']);
    expect(list.map((e) => e.label)).toEqual(['config set goal.daily 12', 'visit 1', 'add-prospect Wang Lei']);
  });

  it('commands that change nothing leave no entry', () => {
    s.run(['visit', '99']);
    s.run(['config', 'get', 'goal.daily']);
    expect(s.json<unknown[]>(['undo', '--list'])).toHaveLength(1);
  });
});

describe('killed at any moment', () => {
  it('kill -9 during a large import: all or nothing, integrity ok, every time', async () => {
    const rows = 60_000;
    const csv = join(s.dir, 'big.csv');
    const lines = ['name,phone,interest,note'];
    for (let i = 0; i < rows; i++) lines.push(`P${i},1${3 + (i % 6)}${String(i).padStart(9, '0')},Q5L,"note, ${i}"`);
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
    ok(['add-prospect', 'Before', '--phone', '19900000000']);
    const seen = new Set<number>();
    for (const delay of [60, 250, 450, 700, 950, 2500]) {
      const child = spawn(process.execPath, [BIN, 'import', 'prospects', csv], { env: s.env, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      expect(sql<string>('PRAGMA integrity_check')).toBe('ok');
      const n = sql<number>('SELECT count(*) FROM prospect');
      expect([1, 1 + rows]).toContain(n);
      seen.add(n);
      if (n > 1) ok(['undo', '--yes']);
    }
    // The kills landed before the commit at least once, so "nothing" was really tested.
    expect(seen.has(1)).toBe(true);
  });
});

describe('forget', () => {
  it('removes the customer for good: rows, undo history, free pages, and names the backups holding them', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--note', 'private: divorce next month']);
    ok(['add-prospect', 'Li Na', '--phone', '13900139000', '--referred-by', '1']);
    ok(['visit', '1', '--note', 'talked about his health']);
    ok(['edit', '1', '--note', 'changed note']);
    const backup = JSON.parse(ok(['backup', '--json']).stdout) as { path: string };
    expect(s.run(['forget', '1']).code).toBe(2);
    const r = s.run(['forget', '1', '--yes', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 1, contacts: 1, backups: [backup.path] });
    expect(s.json<{ name: string; referredBy: number | null }[]>(['list'])).toEqual([
      expect.objectContaining({ name: 'Li Na', referredBy: null }),
    ]);
    expect(s.json<unknown[]>(['undo', '--list'])).toEqual([]);
    const files = [s.db, `${s.db}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    for (const secret of ['Wang Lei', 'divorce', 'his health', '13800138000']) {
      for (const text of files) expect(text.includes(secret), secret).toBe(false);
    }
  });

  it('an unknown id is exit 2', () => {
    ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    expect(s.run(['forget', '7', '--yes']).code).toBe(2);
  });
});

describe('privacy under umask 000', () => {
  it('the book, its backups and their folder are private', () => {
    const sh = (cmd: string) =>
      spawnSync('sh', ['-c', `umask 000; "${process.execPath}" "${BIN}" ${cmd}`], { env: s.env, encoding: 'utf8' });
    expect(sh('add-prospect "Wang Lei" --phone 13800138000').status).toBe(0);
    expect(sh('backup').status).toBe(0);
    expect(sh(`backup "${join(s.dir, 'elsewhere.db')}"`).status).toBe(0);
    const backups = join(s.dir, 'book', 'backups');
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(backups)) expect(statSync(join(backups, f)).mode & 0o777).toBe(0o600);
    expect(statSync(join(s.dir, 'elsewhere.db')).mode & 0o777).toBe(0o600);
    expect(statSync(s.db).mode & 0o777).toBe(0o600);
    const doctor = sh('doctor');
    expect(doctor.status).toBe(0);
    expect(doctor.stdout).not.toMatch(/BAD/);
  });
});
