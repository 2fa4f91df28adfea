// dealer backup: a consistent copy of the book, taken while other terminals keep working.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { usage } from '../domain/errors.js';
import { backupName, backupsDir, backupTo } from '../store/backup.js';
import { isSqliteFile } from '../store/health.js';

export interface BackupResult {
  path: string;
  size: number;
  prospects: number;
  contacts: number;
}

export async function backup(ctx: Context, file?: string): Promise<BackupResult> {
  const book = await ctx.open('read');
  if (!book.exists) throw usage('noBook', { path: book.path });
  const dest = file ? resolve(file) : join(backupsDir(book.path), backupName('dealer', ctx.now));
  if (dest === resolve(book.path)) throw usage('backupIsBook', { path: dest });
  // Replace an older backup, never some other file that happens to have the name.
  if (existsSync(dest) && (statSync(dest).isDirectory() || (statSync(dest).size > 0 && !isSqliteFile(dest)))) {
    throw usage('notABackup', { path: dest });
  }
  await backupTo(book.db, dest);
  const count = (table: string) => book.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const result = { path: dest, size: statSync(dest).size, prospects: count('prospect'), contacts: count('contact') };
  if (ctx.json) ctx.printJson(result);
  else ctx.print(ctx.t.ui.backedUp({ ...result, kb: Math.ceil(result.size / 1024) }));
  return result;
}

export const run = (ctx: Context, args: string[]) => backup(ctx, args[0]);
