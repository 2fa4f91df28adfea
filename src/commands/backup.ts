// dealer backup: a consistent copy of the book, taken while other terminals keep working.
import { existsSync, statSync } from 'node:fs';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { usage } from '../domain/errors.js';
import { backupTo } from '../store/backup.js';
import { isSqliteFile } from '../store/health.js';
import { backupSlot, vetTarget } from '../store/target.js';

export interface BackupResult {
  path: string;
  size: number;
  prospects: number;
  contacts: number;
}

export async function backup(
  ctx: Context,
  file: string | undefined,
  o: Options<'backup'> = {},
): Promise<BackupResult> {
  // A backup is a database file: `-` (the screen, for reports) would be a file literally named so.
  if (file === '-') throw usage('backupNotToScreen');
  const book = await ctx.open('read');
  if (!book.exists) throw usage('noBook', { path: book.path });
  const dest = file === undefined ? backupSlot(book.path, 'dealer', ctx.now) : vetTarget(file, book.path, 'backup');
  if (file !== undefined && existsSync(dest)) {
    if (!o.force) throw usage('targetExists', { path: dest });
    // Even with --force, replace an older backup, never some other file that happens to have the name.
    if (statSync(dest).size > 0 && !isSqliteFile(dest)) throw usage('notABackup', { path: dest });
  }
  const counts = await backupTo(book.db, dest);
  const result = { path: dest, size: statSync(dest).size, ...counts };
  if (ctx.json) ctx.printJson(result);
  else ctx.print(ctx.t.ui.backedUp({ ...result, kb: Math.ceil(result.size / 1024) }));
  return result;
}

export const run: Run<'backup'> = (ctx, { file, ...o }) => backup(ctx, file, o);
