// Where dealer keeps its files — the platform's per-user data folder unless told otherwise — and
// how it creates them: customer data is personal, so every file it writes is readable by its owner
// only, whatever the umask, and every folder it creates is private too. A path someone typed may
// name any file at all (`DEALER_DB=/etc/passwd`), so nothing here changes a file before its first
// bytes say it is an SQLite database, and the side files SQLite opens by name are never followed
// through a symbolic link.
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { DealerError, errorCode } from '../domain/errors.js';
import { claim, readHeader } from './marks.js';

// Where the book is: in paths.ts, which start-up loads without the rest of this file.
export { bookPath, configDir, dataDir, fileSignature } from './paths.js';

/** Creates the folder (and parents) owner-only; an existing folder is left as the user made it. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Tightens a file that is readable by group or others (an older copy, a careless cp). */
export function tighten(path: string): void {
  try {
    if (statSync(path).mode & 0o077) chmodSync(path, 0o600);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
  }
}

/** The files SQLite opens beside a database, by name. */
export const sideFiles = (book: string) => [`${book}-wal`, `${book}-shm`, `${book}-journal`];

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Removes group and other bits — through a descriptor opened without following links, so the mode
 * that changes is that of the file just checked. Never adds a bit: a book made 0400 stays read-only.
 * `writable` also gives the owner write permission back (a side file left read-only).
 */
function tightenOwnFile(path: string, writable = false): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return; // unreadable: SQLite will say so, and the writability check names it
  }
  try {
    const mode = fstatSync(fd).mode & 0o777;
    const wanted = (mode & 0o700) | (writable ? 0o600 : 0);
    if (wanted !== mode) fchmodSync(fd, wanted);
  } catch {
    // Owned by someone else: leave it; the checks that follow name it if it blocks the command.
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a side file that is a symbolic link or not a regular file: SQLite would follow it and
 * write through it. Returns the side files that exist.
 */
function checkSideFiles(book: string): string[] {
  const present: string[] = [];
  for (const side of sideFiles(book)) {
    const st = statOrNull(side, false);
    if (!st) continue;
    if (!st.isFile()) throw new DealerError('sideFileNotFile', { path: side });
    present.push(side);
  }
  return present;
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch (e) {
    // A -wal or -shm that another dealer removed since it was listed is no obstacle.
    return errorCode(e) === 'ENOENT';
  }
};

/**
 * What start-up needs to know of the book before SQLite opens it: absent, or an SQLite file with
 * its schema version as the header says (0 for an empty file) and whether a read-write connection
 * can work here (the book, its folder and any side file writable).
 */
export type BookFile = { kind: 'missing' } | { kind: 'sqlite'; version: number; writable: boolean };

/**
 * Makes sure `path` is a book dealer may open, before SQLite touches it: absent (and created 0600
 * with O_EXCL when `create`), empty, or an SQLite file; its side files plain files. Group and
 * other bits are removed only from files that passed. With `write`, a book, folder or -shm that
 * cannot be written is named rather than left for SQLite to fail on half-way. `isUnmarkedBook`
 * (schema.ts, passed in so that finding the book's path loads no SQLite) vouches for a book
 * written before books were marked.
 */
export function prepareBookFile(
  path: string,
  opts: { create: boolean; write: boolean; isUnmarkedBook: (path: string) => boolean },
): BookFile {
  let st = statOrNull(path, true);
  if (!st && !opts.create) return { kind: 'missing' };
  if (!st) {
    ensurePrivateDir(dirname(path));
    if (!writable(dirname(path))) throw new DealerError('readOnlyFolder', { path: dirname(path) });
    try {
      closeSync(
        openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o600),
      );
    } catch (e) {
      // Another dealer created it first: check what is there like any existing file.
      if (errorCode(e) !== 'EEXIST') throw e;
    }
    st = statSync(path);
  }
  // A folder, device or FIFO named as the book: what was typed is wrong.
  if (!st.isFile()) throw new DealerError('notADatabase', { path }, 2);
  let version = 0;
  if (st.size > 0) {
    // Another program's database is never opened for writing: that alone would switch its journal
    // mode, and a migration would add dealer's tables to it. Only the header is read here.
    const h = readHeader(path);
    if (!h.sqlite) throw new DealerError('notADatabase', { path });
    const verdict = claim(h);
    if (verdict === 'foreign' || (verdict === 'ask' && !opts.isUnmarkedBook(path)))
      throw new DealerError('foreignDatabase', { path }, 2);
    version = h.version;
  }
  const sides = checkSideFiles(path);
  tightenOwnFile(path);
  // A -wal or -shm left read-only (by a read of a 0400 book, a copy) must not block later writes.
  for (const side of sides) tightenOwnFile(side, opts.write);
  if (opts.write) {
    if (!writable(path)) throw new DealerError('readOnlyBook', { path });
    if (!writable(dirname(path))) throw new DealerError('readOnlyFolder', { path: dirname(path) });
    for (const side of sides) if (!writable(side)) throw new DealerError('readOnlySideFile', { path: side });
    return { kind: 'sqlite', version, writable: true };
  }
  // The side files were listed above: asked once, not stat'ed again.
  return { kind: 'sqlite', version, writable: writable(path) && writable(dirname(path)) && sides.every(writable) };
}

export function backupsDir(book: string): string {
  return join(dirname(book), 'backups');
}

export interface BackupFile {
  path: string;
  size: number;
  modified: Date;
}

/** Backups beside the book, newest first. */
export function listBackups(book: string): BackupFile[] {
  const dir = backupsDir(book);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.db') && !f.startsWith('.'))
    .map((f) => {
      const st = statSync(join(dir, f));
      return { path: join(dir, f), size: st.size, modified: st.mtime };
    })
    .sort((a, b) => b.modified.getTime() - a.modified.getTime() || b.path.localeCompare(a.path));
}

/** A -wal with pages not yet copied into the book: an in-memory copy of the book would miss them. */
export function hasPendingLog(path: string): boolean {
  return (statOrNull(`${path}-wal`, false)?.size ?? 0) > 0;
}
