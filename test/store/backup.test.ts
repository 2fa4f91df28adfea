// Backups while the book is in use (issue 10, items 11 and 15), in-process so the interleaving of
// the copy and another connection's writes is the same on every run.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Target } from '../../src/domain/target.js';
import { backupTo, countBook, removeStaleTemps } from '../../src/store/backup.js';
import { migrate } from '../../src/store/migrations.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('completes while another connection keeps writing, and counts the copy, not the live book', async () => {
  const book = join(dir, 'dealer.db');
  const db = new Database(book);
  db.pragma('journal_mode = WAL');
  migrate(db);
  const add = db.prepare(
    "INSERT INTO prospect (name, created, updated, note) VALUES ('x', '2026-03-02', '2026-03-02', ?)",
  );
  // About 2,000 pages: copied 100 at a time, the copy would take 20 steps.
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) add.run('n'.repeat(3000));
  })();
  const writer = new Database(book);
  const write = writer.prepare(
    "INSERT INTO prospect (name, created, updated) VALUES ('w', '2026-03-02', '2026-03-02')",
  );
  let writing = true;
  let writes = 0;
  // A write between every step of the copy: each one would restart a copy taken in many steps.
  const tick = () => {
    if (!writing) return;
    write.run();
    writes++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const counts = await backupTo(db, join(dir, 'copy.db') as Target);
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(counts).toEqual(countBook(copy));
    copy.close();
    expect(writes).toBeGreaterThan(0);
  } finally {
    writing = false;
    writer.close();
    db.close();
  }
});

it('removes temporary files of a dead dealer and keeps a live one', () => {
  const dead = 2 ** 22 + 1; // above Linux's highest pid
  const mine = join(dir, `.dealer-20260302-090000.db.${process.ppid}.tmp`);
  const stale = join(dir, `.dealer-20260302-080000.db.${dead}.tmp`);
  for (const f of [mine, stale, `${stale}-journal`, join(dir, 'dealer-20260302-070000.db')]) writeFileSync(f, 'x');
  expect(removeStaleTemps(dir).sort()).toEqual([stale, `${stale}-journal`]);
  expect(existsSync(mine)).toBe(true);
});

it('removes a day-old temporary file even if its pid now belongs to another process', () => {
  const old = join(dir, `.dealer-20260301-090000.db.${process.ppid}.tmp`);
  writeFileSync(old, 'x');
  const dayAgo = (Date.now() - 25 * 3600 * 1000) / 1000;
  utimesSync(old, dayAgo, dayAgo);
  expect(removeStaleTemps(dir)).toEqual([old]);
});
