// A reading command opens a current book without writing to it (issue 16): no journal mode set, no
// migration run, SQLite refusing any write; the file's bytes and modification time stay as they
// were and no -wal or -shm is left behind. A book from an older dealer is still brought up to date.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBook, write } from '../../src/store/db.js';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/store/migrations.js';
import { readSettings, saveSetting } from '../../src/store/settings.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-open-'));
  path = join(dir, 'dealer.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fingerprint = () => ({
  hash: createHash('sha1').update(readFileSync(path)).digest('hex'),
  mtime: statSync(path, { bigint: true }).mtimeNs,
  sides: ['-wal', '-shm', '-journal'].filter((s) => existsSync(path + s)),
});

async function currentBook() {
  const { db } = await openBook(path, { create: true });
  write(db, () => saveSetting(db, 'goal.daily', '12'));
  db.close();
}

describe('waiting for another dealer', () => {
  it("gives every connection five seconds to wait out another dealer's write before it gives up", async () => {
    await currentBook();
    for (const create of [true, false]) {
      const book = await openBook(path, { create });
      expect(book.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      book.db.close();
    }
  });
});

describe('opening a book to read it', () => {
  it('changes nothing in a current book: bytes, modification time, no side files left', async () => {
    await currentBook();
    const before = fingerprint();
    expect(before.sides).toEqual([]);
    const book = await openBook(path, { create: false });
    expect(readSettings(book.db).goal).toBe(12);
    book.db.close();
    expect(fingerprint()).toEqual(before);
  });

  it('sets no pragma for a read, and the writing ones before a reading command writes after all', async () => {
    await currentBook();
    const { db } = await openBook(path, { create: false });
    // (better-sqlite3 turns foreign keys on by default: secure_delete tells the two apart.)
    const pragmas = () => [db.pragma('foreign_keys', { simple: true }), db.pragma('secure_delete', { simple: true })];
    expect(pragmas()).toEqual([1, 0]);
    // A calendar export remembers what it exported: through write(), with the book's rules on.
    write(db, () => void db.prepare("INSERT INTO setting (key, value) VALUES ('x', 'y')").run(), { journal: false });
    expect(pragmas()).toEqual([1, 1]);
    db.close();
  });

  it('still brings a book from an older dealer up to date, and reads it', async () => {
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    old.prepare("INSERT INTO setting (key, value) VALUES ('goal.daily', '7')").run();
    old.close();
    const book = await openBook(path, { create: false });
    expect(schemaVersion(book.db)).toBe(MIGRATIONS.length);
    expect(readSettings(book.db).goal).toBe(7);
    book.db.close();
    // Upgraded on disk: the next read is the quick one.
    const check = new Database(path, { readonly: true });
    expect(schemaVersion(check)).toBe(MIGRATIONS.length);
    check.close();
  });

  it('reads the settings once, and a write forgets them', async () => {
    await currentBook();
    const { db } = await openBook(path, { create: true });
    expect(readSettings(db).goal).toBe(12);
    // Changed behind the cache's back without write(): still the value read first.
    db.prepare("UPDATE setting SET value = '13' WHERE key = 'goal.daily'").run();
    expect(readSettings(db).goal).toBe(12);
    // Any write may change a setting (an undo, a restore): it forgets what was read.
    write(db, () => void db.prepare("UPDATE setting SET value = '14' WHERE key = 'goal.daily'").run());
    expect(readSettings(db).goal).toBe(14);
    db.close();
  });
});
