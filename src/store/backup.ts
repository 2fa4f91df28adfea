// Copies of the book, taken through SQLite's online backup API while other dealers keep working,
// written under a temporary name and renamed so a copy is never seen half-written.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DB } from './db.js';
import { asDealerError } from './errors.js';
import { ensurePrivateDir, tighten } from './files.js';

export function backupsDir(book: string): string {
  return join(dirname(book), 'backups');
}

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

/** A consistent copy of `db` at `dest` (mode 0600), replacing any file there only when complete. */
export async function backupTo(db: DB, dest: string): Promise<void> {
  ensurePrivateDir(dirname(dest));
  const temp = join(dirname(dest), `.${basename(dest)}.${process.pid}.tmp`);
  // Created 0600 before SQLite opens it: SQLite would otherwise create it 0644.
  closeSync(openSync(temp, 'w', 0o600));
  try {
    // A full or failing disk is the copy's, not the book's: name the copy.
    await db.backup(temp).catch((e: unknown) => Promise.reject(asDealerError(e, dest)));
    // A copy in rollback-journal mode is one self-contained file: opening it read-only later
    // (restore, forget's search) leaves no -wal and -shm files beside it.
    const copy = new Database(temp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    tighten(temp);
    fsyncPath(temp, 'r+');
    renameSync(temp, dest);
    if (process.platform !== 'win32') fsyncPath(dirname(dest), 'r');
  } finally {
    if (existsSync(temp)) rmSync(temp);
  }
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

/** Keeps the newest `keep` automatic backups of one kind (`before-v3`, `before-restore`, ...). */
export function pruneBackups(book: string, prefix: string, keep: number): void {
  const mine = listBackups(book).filter((b) => basename(b.path).startsWith(`${prefix}-`));
  for (const old of mine.slice(keep)) rmSync(old.path, { force: true });
}
