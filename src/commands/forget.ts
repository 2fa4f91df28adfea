// dealer forget: a customer's personal data removed for good — from the book, from the undo journal,
// from the free pages and the write-ahead log — and the backups that still hold it named.
import Database from 'better-sqlite3';
import type { Context } from '../context.js';
import { paint } from '../output/color.js';
import { listBackups } from '../store/backup.js';
import { write } from '../store/db.js';
import { clearJournal } from '../store/journal.js';
import { deleteProspect } from '../store/prospects.js';
import { requireProspect } from './args.js';
import { confirmed } from './confirm.js';

/** Backups that still hold this prospect (same id and name). */
function backupsHolding(book: string, id: number, name: string): string[] {
  return listBackups(book)
    .filter((b) => {
      try {
        const db = new Database(b.path, { readonly: true, fileMustExist: true });
        try {
          return db.prepare('SELECT 1 FROM prospect WHERE id = ? AND name = ?').get(id, name) !== undefined;
        } finally {
          db.close();
        }
      } catch {
        return false;
      }
    })
    .map((b) => b.path);
}

export async function forget(ctx: Context, idText: string, o: { yes?: boolean }) {
  const { db, path } = await ctx.open('write');
  const p = requireProspect(db, idText);
  await confirmed(ctx, ctx.t.ui.forgetQuestion({ id: p.id, name: p.name }), o.yes, 'forget');
  const removed = write(
    db,
    () => {
      const contacts = deleteProspect(db, p.id);
      // The journal holds old values of this customer's rows; undo must not bring them back.
      clearJournal(db);
      return contacts;
    },
    { journal: false },
  );
  // The rows are gone and overwritten (secure_delete); VACUUM also rebuilds the file without the
  // free pages older deletes left, then the write-ahead log, which held old page images, is emptied.
  let scrubbed = true;
  try {
    db.exec('VACUUM');
  } catch {
    scrubbed = false; // another dealer is reading: the rows are still zeroed
  }
  const [cp] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  const holding = backupsHolding(path, p.id, p.name);
  const result = { id: p.id, contacts: removed, logCleared: scrubbed && cp?.busy === 0, backups: holding };
  if (ctx.json) ctx.printJson(result);
  else {
    ctx.print(paint.bold(ctx.t.ui.forgotten({ id: p.id, name: p.name, contacts: removed })));
    if (!result.logCleared) ctx.print(ctx.t.ui.forgetLogBusy);
    if (holding.length) ctx.print([ctx.t.ui.forgetBackups, ...holding.map((h) => `  ${h}`)].join('\n'));
    ctx.print(paint.dim(ctx.t.ui.forgetExports));
  }
  return result;
}

export const run = (ctx: Context, args: string[], opts: { yes?: boolean }) => forget(ctx, args[0]!, opts);
