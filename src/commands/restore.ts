// dealer restore: put a backup back. The backup is checked to be a dealer book first, the current
// book is copied aside, and the pages are copied through SQLite's backup API — never by moving
// files under an open book. A book that cannot be opened at all is set aside byte for byte.
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { DealerError, usage } from '../domain/errors.js';
import { paint } from '../output/color.js';
import { backupTo, pruneBackups } from '../store/backup.js';
import type { Book } from '../store/db.js';
import { migrate } from '../store/migrations.js';
import {
  copyPagesInto,
  inspectBackup,
  prospectsOrUnknown,
  replaceUnreadable,
  setAside,
  unreadableBook,
} from '../store/restore.js';
import { backupSlot, isSameFile } from '../store/target.js';
import { confirmed } from '../input/confirm.js';
import { safe } from '../output/screen.js';
import { errorText } from '../i18n/label.js';

const KEEP_SAFETY_COPIES = 5;

async function openOrNot(ctx: Context): Promise<Book | undefined> {
  try {
    return await ctx.open('repair');
  } catch (e) {
    if (unreadableBook(e)) return undefined;
    throw e;
  }
}

export async function restore(ctx: Context, file: string, o: Options<'restore'>) {
  const from = resolve(file);
  if (isSameFile(from, ctx.dbPath)) throw usage('backupIsBook', { path: from });
  const incoming = inspectBackup(from);
  const book = await openOrNot(ctx);
  const current = book ? prospectsOrUnknown(book.db) : -1;
  await confirmed(
    ctx,
    ctx.t.ui.restoreQuestion({
      path: safe(ctx.dbPath),
      now: current < 0 ? '?' : current,
      from: safe(from),
      then: incoming.prospects,
    }),
    o.yes,
    'restore',
  );

  let safety: string | null = null;
  if (current !== 0) {
    const slot = backupSlot(ctx.dbPath, 'before-restore', ctx.now);
    try {
      if (!book) throw new Error('unreadable');
      await backupTo(book.db, slot);
    } catch {
      setAside(ctx.dbPath, slot); // a damaged book may not copy page by page: keep its bytes
    }
    safety = slot;
  }
  try {
    if (book) {
      await copyPagesInto(from, book.path);
      migrate(book.db);
    } else {
      await replaceUnreadable(from, ctx.dbPath);
      migrate((await ctx.open('repair')).db);
    }
  } catch (e) {
    if (!safety) throw e;
    const reason = e instanceof DealerError ? errorText(ctx.t, e) : e instanceof Error ? e.message : String(e);
    throw new DealerError('restoreFailed', { reason, safety });
  }
  // Only once the restore is done, and never the file just restored from: it may be an old safety copy.
  if (safety) pruneBackups(ctx.dbPath, 'before-restore', KEEP_SAFETY_COPIES, from);
  const result = { path: ctx.dbPath, from, prospects: incoming.prospects, safety };
  if (ctx.json) ctx.printJson(result);
  else {
    ctx.print(ctx.t.ui.restored({ count: incoming.prospects, from }));
    if (safety) ctx.print(paint.dim(ctx.t.ui.safetyCopy({ path: safety })));
  }
  return result;
}

export const run: Run<'restore'> = (ctx, { file, ...o }) => restore(ctx, file, o);
