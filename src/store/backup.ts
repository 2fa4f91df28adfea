// Copies of the book, taken through SQLite's online backup API while other dealers keep working,
// written under a temporary name and renamed so a copy is never seen half-written.
import Database from './sqlite.js';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Target } from '../domain/target.js';
import { countRows, type DB } from './db.js';
import { asDealerError } from './errors.js';
import { ensurePrivateDir, listBackups, tighten } from './files.js';
import { alive } from '../system/pid.js';

// Where backups are and which there are: in files.ts, which every open loads anyway.
export { backupsDir, listBackups, type BackupFile } from './files.js';

/** `dealer-20260302-083012.db`: sorts by time, and never collides within a second. */
export function backupName(prefix: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `${prefix}-${stamp}.db`;
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}


/** `.dealer-20260302-083012.db.4242.tmp` and the -journal SQLite kept beside it. */
const TEMP = /^\..+\.(\d+)\.tmp(-journal|-wal|-shm)?$/;
/** No backup takes a day: an older temporary file is stale even if its pid was reused. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what an interrupted backup left (kill -9 gives no chance to clean up): a partial copy
 * of the book still holds every customer, even one forgotten since. A file of a live dealer is
 * left alone. Returns the files removed.
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    const pid = Number(TEMP.exec(f)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const path = join(dir, f);
    try {
      if (alive(pid) && now - statSync(path).mtimeMs < STALE_MS) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      continue; // gone meanwhile, or not ours to remove: the next backup tries again
    }
  }
  return removed;
}

export interface BookCounts {
  prospects: number;
  contacts: number;
}

export function countBook(db: DB): BookCounts {
  return { prospects: countRows(db, 'prospect'), contacts: countRows(db, 'contact') };
}

/**
 * A consistent copy of `db` at `dest` (mode 0600), replacing any file there only when complete.
 * The counts are read from the copy: the live book may have changed since.
 */
export async function backupTo(db: DB, dest: Target): Promise<BookCounts> {
  ensurePrivateDir(dirname(dest));
  removeStaleTemps(dirname(dest));
  const temp = join(dirname(dest), `.${basename(dest)}.${process.pid}.tmp`);
  // Created 0600 before SQLite opens it: SQLite would otherwise create it 0644.
  closeSync(openSync(temp, 'w', 0o600));
  try {
    // All pages in one step, under one read transaction: copied a hundred pages at a time, the
    // copy starts over whenever another terminal writes, and never ends under steady use. A full or
    // failing disk is the copy's, not the book's: name the copy.
    await db.backup(temp, { progress: () => 0x7fffffff }).catch((e: unknown) => Promise.reject(asDealerError(e, dest)));
    // A copy in rollback-journal mode is one self-contained file: opening it read-only later
    // (restore, forget's search) leaves no -wal and -shm files beside it.
    const copy = new Database(temp);
    let counts: BookCounts;
    try {
      copy.pragma('journal_mode = DELETE');
      counts = countBook(copy);
    } finally {
      copy.close();
    }
    tighten(temp);
    fsyncPath(temp, 'r+');
    renameSync(temp, dest);
    if (process.platform !== 'win32') fsyncPath(dirname(dest), 'r');
    return counts;
  } finally {
    for (const f of [temp, `${temp}-journal`]) if (existsSync(f)) rmSync(f);
  }
}

/**
 * Keeps the newest `keep` automatic backups of one kind (`before-v3`, `before-restore`, ...), and
 * `spare` whatever its age.
 */
export function pruneBackups(book: string, prefix: string, keep: number, spare?: string): void {
  const mine = listBackups(book).filter(
    (b) => basename(b.path).startsWith(`${prefix}-`) && !(spare && resolve(b.path) === resolve(spare)),
  );
  for (const old of mine.slice(keep)) {
    for (const side of ['', '-wal', '-journal']) rmSync(old.path + side, { force: true });
  }
}
