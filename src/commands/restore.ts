// dealer restore: put a backup back. The backup is checked first, the current book is copied aside,
// and the pages are copied through SQLite's backup API — never by moving files under an open book.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { DealerError, usage } from '../domain/errors.js';
import { paint } from '../output/color.js';
import { backupName, backupsDir, backupTo, pruneBackups } from '../store/backup.js';
import { isSqliteFile } from '../store/health.js';
import { MIGRATIONS, migrate } from '../store/migrations.js';
import { confirmed } from './confirm.js';

const KEEP_SAFETY_COPIES = 5;

function checkBackup(path: string): { prospects: number; version: number } {
  if (!existsSync(path)) throw usage('noSuchFile', { path });
  if (!isSqliteFile(path)) throw usage('notABackup', { path });
  const source = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ok = (source.pragma('integrity_check(1)') as { integrity_check: string }[])[0]?.integrity_check === 'ok';
    if (!ok) throw new DealerError('backupDamaged', { path });
    const version = source.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) throw new DealerError('dbTooNew', { version, supported: MIGRATIONS.length });
    const hasBook = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'prospect'").get();
    if (!hasBook) throw usage('notABackup', { path });
    return { prospects: source.prepare('SELECT count(*) FROM prospect').pluck().get() as number, version };
  } finally {
    source.close();
  }
}

export async function restore(ctx: Context, file: string, o: { yes?: boolean }) {
  const from = resolve(file);
  const incoming = checkBackup(from);
  const book = await ctx.open('repair');
  if (from === resolve(book.path)) throw usage('backupIsBook', { path: from });
  const current = (() => {
    try {
      return book.db.prepare('SELECT count(*) FROM prospect').pluck().get() as number;
    } catch {
      return -1; // damaged: the reason to restore
    }
  })();
  await confirmed(
    ctx,
    ctx.t.ui.restoreQuestion({ path: book.path, now: current < 0 ? '?' : current, from, then: incoming.prospects }),
    o.yes,
    'restore',
  );

  let safety: string | undefined;
  if (current !== 0) {
    safety = join(backupsDir(book.path), backupName('before-restore', ctx.now));
    try {
      await backupTo(book.db, safety);
      pruneBackups(book.path, 'before-restore', KEEP_SAFETY_COPIES);
    } catch {
      safety = undefined; // a damaged book may not copy; the restore goes on
    }
  }
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(book.path);
  } finally {
    source.close();
  }
  migrate(book.db);
  const result = { path: book.path, from, prospects: incoming.prospects, safety: safety ?? null };
  if (ctx.json) ctx.printJson(result);
  else {
    ctx.print(ctx.t.ui.restored({ count: incoming.prospects, from }));
    if (safety) ctx.print(paint.dim(ctx.t.ui.safetyCopy({ path: safety })));
  }
  return result;
}

export const run = (ctx: Context, args: string[], opts: { yes?: boolean }) => restore(ctx, args[0]!, opts);
