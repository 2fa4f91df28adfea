// dealer forget: a customer's personal data removed for good — from the book, from the undo journal,
// from the free pages and the write-ahead log — and from the backups that still hold them, when asked.
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { paint } from '../output/color.js';
import { write } from '../store/db.js';
import { backupsHolding, compact, identityOf, scrubBackup } from '../store/forget.js';
import { clearJournal } from '../store/journal.js';
import { deleteProspect } from '../store/prospects.js';
import { requireProspect } from '../actions/prospect.js';
import { confirmed } from '../input/confirm.js';
import { safe } from '../output/screen.js';

export async function forget(ctx: Context, idText: string, o: Options<'forget'>) {
  const { db, path } = await ctx.open('write');
  const p = requireProspect(db, idText);
  await confirmed(ctx, ctx.t.ui.forgetQuestion({ id: p.id, name: safe(p.name) }), o.yes, 'forget');
  // Every name and number they had, read before the rows and the journal that remember them go.
  const who = identityOf(db, p.id);
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
  // The rows are gone and overwritten (secure_delete); the free pages and the log go too.
  const { logCleared } = compact(db);
  const holding = backupsHolding(path, who);
  const scrub =
    holding.length > 0 &&
    (o.scrubBackups ||
      (!o.yes &&
        ctx.interactive &&
        (await (await ctx.ask()).confirm(ctx.t.ui.forgetScrubQuestion({ count: holding.length }), false))));
  const cleaned = scrub ? holding.filter((h) => scrubBackup(h, who)).map((h) => h.path) : [];
  const left = holding.map((h) => h.path).filter((h) => !cleaned.includes(h));
  const result = {
    id: p.id,
    contacts: removed,
    logCleared,
    backups: holding.map((h) => h.path),
    scrubbed: cleaned,
  };
  if (ctx.json) ctx.printJson(result);
  else {
    ctx.print(paint.bold(ctx.t.ui.forgotten({ id: p.id, name: p.name, contacts: removed })));
    if (!result.logCleared) ctx.print(ctx.t.ui.forgetLogBusy);
    if (cleaned.length) ctx.print([ctx.t.ui.forgetScrubbed, ...cleaned.map((h) => `  ${h}`)].join('\n'));
    if (left.length)
      ctx.print([scrub ? ctx.t.ui.forgetNotScrubbed : ctx.t.ui.forgetBackups, ...left.map((h) => `  ${h}`)].join('\n'));
    ctx.print(paint.dim(ctx.t.ui.forgetExports));
  }
  // A backup asked to be scrubbed that still holds them: the customer is not forgotten yet.
  if (scrub && left.length) process.exitCode = 1;
  return result;
}

export const run: Run<'forget'> = (ctx, { id, ...o }) => forget(ctx, id, o);
