// The one gate for every file dealer writes beside the book: a report, a calendar, a backup, the
// sample book. Paths are compared after resolving symlinks and `..`, and by inode, so no spelling of
// the book (or a hard link to it) slips through. Refusing is always exit 2: the user named the file.
import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { usage } from '../domain/errors.js';
import type { Target } from '../domain/target.js';
import { backupName, backupsDir } from './backup.js';
import { readHeader } from './marks.js';

/** export: report and calendar files; backup: a copy of the book; demo: the sample book. */
export type Purpose = 'export' | 'backup' | 'demo';

/** What SQLite keeps beside a book, and dealer's check stamp and language: writing over one corrupts the book or misleads dealer. */
const SIDE_FILES = ['-wal', '-shm', '-journal', '-checked', '-lang'];

/** The path with every symlink and `..` resolved, also for a file that does not exist yet. */
function real(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The same file on disk: one inode, whatever the names (a hard link, a bind mount). */
function sameFile(a: Stats | undefined, path: string): boolean {
  const b = stat(path);
  return Boolean(a && b && a.dev === b.dev && a.ino === b.ino);
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}

/** True when the two paths name one file, however spelt. */
export function isSameFile(a: string, b: string): boolean {
  return real(a) === real(b) || sameFile(stat(a), b);
}

/** Checks a path the user gave (or dealer chose) before anything is written to it. */
export function vetTarget(file: string, book: string, purpose: Purpose): Target {
  if (file.trim() === '') throw usage('emptyPath');
  const target = real(file);
  const st = stat(target);
  const homes = [...new Set([real(book), resolve(book)])];
  if (homes.includes(target) || sameFile(st, book)) throw usage('targetIsBook', { path: target });
  for (const side of SIDE_FILES) {
    if (homes.some((h) => target === h + side) || sameFile(st, book + side)) {
      throw usage('targetIsBookFile', { path: target, book: real(book) });
    }
  }
  if (purpose !== 'backup' && inside(target, real(backupsDir(book)))) {
    throw usage('targetInBackups', { path: target });
  }
  if (st?.isDirectory()) throw usage('isFolder', { path: target });
  // A device or a pipe is never replaced by a regular file, nor written into.
  if (st && !st.isFile()) throw usage('notAFile', { path: target });
  // A report or calendar over a database (a backup kept elsewhere, another book, another program's
  // data) loses it: one slip after `dealer backup ~/safe.db` must not cost the backup.
  if (purpose === 'export' && st && st.size > 0 && readHeader(target).sqlite) {
    throw usage('targetIsDatabase', { path: target });
  }
  return target as Target;
}

/** An automatic backup's place: dealer chose the name, under the book's own backups folder. */
export function backupSlot(book: string, prefix: string, now: Date): Target {
  // Names go to the second; a second copy within it gets a number rather than replacing the first
  // (undoing a wrong restore at once must not overwrite the safety copy it restores from).
  const name = backupName(prefix, now);
  for (let n = 1; ; n++) {
    const path = join(backupsDir(book), n === 1 ? name : name.replace(/\.db$/, `-${n}.db`));
    if (!stat(path) && !stat(`${path}-wal`) && !stat(`${path}-journal`)) return path as Target;
  }
}
