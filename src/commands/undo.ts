// dealer undo: show what the last command changed and take it back; again goes further back.
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { paint } from '../output/color.js';
import { columns, measuring } from '../output/columns.js';
import { write } from '../store/db.js';
import { entries, undoNewest, type Entry } from '../store/journal.js';
import { confirmed } from '../input/confirm.js';
import { labelOf } from '../i18n/label.js';

function summary(ctx: Context, e: Entry): string {
  const part = (what: Record<string, number>, verb: (p: { list: string }) => string) => {
    // Phone numbers and the stage and grade history follow their prospect: not worth a mention.
    const list = Object.entries(what)
      .filter(([table]) => !['phone', 'stage_log', 'grade_log'].includes(table))
      .map(([table, n]) => `${n} ${labelOf(ctx.t.word.table, table) ?? table}`)
      .join(ctx.t.ui.undoJoin.item);
    return list ? verb({ list }) : '';
  };
  return [
    part(e.added, ctx.t.ui.undoAdded),
    part(e.changed, ctx.t.ui.undoChanged),
    part(e.removed, ctx.t.ui.undoRemoved),
  ]
    .filter(Boolean)
    .join(ctx.t.ui.undoJoin.part);
}

export async function undo(ctx: Context, o: Options<'undo'>): Promise<Entry[]> {
  const book = await ctx.open(o.list ? 'read' : 'write');
  const recent = book.exists ? entries(book.db, o.list ? 20 : 1) : [];
  if (o.list) {
    if (ctx.json) ctx.printJson(recent);
    else if (recent.length === 0) ctx.print(ctx.t.ui.nothingToUndo);
    else {
      await measuring(recent);
      ctx.print(
        columns(
          [
            { header: ctx.t.ui.col.when },
            { header: ctx.t.ui.col.command },
            { header: ctx.t.ui.col.changes, flex: true },
          ],
          recent.map((e) => [e.at, e.label, summary(ctx, e)]),
          { width: ctx.width, style: paint.dim },
        ),
      );
    }
    return recent;
  }
  const [last] = recent;
  if (!last) {
    if (ctx.json) ctx.printJson([]);
    else ctx.print(ctx.t.ui.nothingToUndo);
    return [];
  }
  if (!ctx.json) ctx.print(ctx.t.ui.undoWhat({ label: last.label, at: last.at, summary: summary(ctx, last) }));
  await confirmed(ctx, ctx.t.ui.undoQuestion, o.yes, 'undo');
  write(book.db, () => undoNewest(book.db), { journal: false });
  if (ctx.json) ctx.printJson([last]);
  else ctx.print(paint.bold(ctx.t.ui.undone({ label: last.label })));
  return [last];
}

export const run: Run<'undo'> = (ctx, o) => undo(ctx, o);
