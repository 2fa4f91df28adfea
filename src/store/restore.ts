// Putting a backup back. The candidate is checked to be a dealer book before the current book is
// touched, and the current file is set aside byte for byte when it cannot even be opened.
import Database from './sqlite.js';
import { closeSync, copyFileSync, existsSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DealerError, errorCode, usage } from '../domain/errors.js';
import type { Target } from '../domain/target.js';
import { countBook } from './backup.js';
import type { DB } from './db.js';
import { ensurePrivateDir } from './files.js';
import { isSqliteFile } from './health.js';
import { MIGRATIONS, schemaVersion } from './migrations.js';
import { schemaProblem } from './schema.js';
import { column } from './decode.js';

/** Checks that `path` is a sound dealer book this dealer can read; returns its prospect count. */
export function inspectBackup(path: string): { prospects: number; version: number } {
  if (!existsSync(path)) throw usage('noSuchFile', { path });
  if (statSync(path).isDirectory()) throw usage('isFolder', { path });
  if (!isSqliteFile(path)) throw usage('notABackup', { path });
  const source = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ok = column(source.pragma('integrity_check(1)'), 'integrity_check')[0] === 'ok';
    if (!ok) throw new DealerError('backupDamaged', { path });
    const version = schemaVersion(source);
    if (version > MIGRATIONS.length) throw new DealerError('dbTooNew', { version, supported: MIGRATIONS.length });
    const problem = schemaProblem(source);
    if (problem) throw usage('notADealerBook', { path, problem });
    return { prospects: countBook(source).prospects, version };
  } catch (e) {
    if (e instanceof DealerError) throw e;
    throw usage('notABackup', { path }); // SQLite could not read it as a database at all
  } finally {
    source.close();
  }
}

/** Prospects in an open book, or -1 when it is too damaged to count. */
export function prospectsOrUnknown(db: DB): number {
  try {
    return countBook(db).prospects;
  } catch {
    return -1;
  }
}

/**
 * Copies the book file, and any -wal or hot -journal beside it, to `dest` without opening it:
 * for a book SQLite cannot read, or one a newer dealer wrote, the bytes are all there is.
 */
export function setAside(book: string, dest: Target): void {
  ensurePrivateDir(dirname(dest));
  for (const side of ['-wal', '-journal', '']) {
    if (!existsSync(book + side) || (side && statSync(book + side).size === 0)) continue;
    const temp = join(dirname(dest), `.${basename(dest)}${side}.${process.pid}.tmp`);
    closeSync(openSync(temp, 'w', 0o600));
    copyFileSync(book + side, temp);
    renameSync(temp, dest + side);
  }
}

/** Copies the backup's pages over the open book, through SQLite: never a file moved under it. */
export async function copyPagesInto(from: string, book: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(book, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/**
 * Puts the backup in place of a book no SQLite connection can open: a consistent copy beside it,
 * then renamed over it, with the unreadable book's side files removed (they were set aside).
 */
export async function replaceUnreadable(from: string, path: string): Promise<void> {
  const book = existsSync(path) ? realpathSync(path) : path; // a symlinked book stays a symlink
  const temp = join(dirname(book), `.${basename(book)}.${process.pid}.tmp`);
  closeSync(openSync(temp, 'w', 0o600));
  try {
    await copyPagesInto(from, temp);
    const copy = new Database(temp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    for (const side of ['-wal', '-shm', '-journal']) rmSync(book + side, { force: true });
    renameSync(temp, book);
  } finally {
    for (const f of [temp, `${temp}-journal`]) rmSync(f, { force: true });
  }
}

/** Whether opening failed because of the file itself (what restore is for), not the folder. */
export function unreadableBook(e: unknown): boolean {
  if (e instanceof DealerError) return ['notADatabase', 'dbTooNew', 'migrationBrokeKeys', 'damaged'].includes(e.code);
  const code = errorCode(e);
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|ERROR)/.test(code);
}
