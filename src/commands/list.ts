// dealer list: find prospects by tier, stage, source or any text.
import { idsByPinyin } from '../actions/search.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import type { Prospect } from '../domain/prospect.js';
import { groupOf } from '../domain/due.js';
import { effectiveTier, parseTier } from '../domain/tier.js';
import { parseSource, parseStage } from '../domain/vocab.js';
import { paint } from '../output/color.js';
import { measuring } from '../output/columns.js';
import { listTable, present } from '../output/prospect.js';
import { countProspects, listProspects } from '../store/prospects.js';
import { emptyBook } from '../output/empty.js';

export type ListOptions = Options<'list'>;

export async function list(ctx: Context, o: ListOptions): Promise<Prospect[]> {
  const tier = o.tier === undefined ? undefined : parseTier(o.tier);
  const filter = {
    stage: o.stage === undefined ? undefined : parseStage(o.stage),
    source: o.source === undefined ? undefined : parseSource(o.source),
    search: o.search?.trim() || undefined,
    dueBy: o.due ? ctx.today : undefined,
  };
  const book = await ctx.open('read');
  const alsoIds = filter.search ? await idsByPinyin(book.db, filter.search) : undefined;
  // The tier is derived from the purchase date as of today, so it is filtered here, not in SQL.
  // People who bought are their own group, listed after the open prospects; a tier means open ones.
  const found = listProspects(book.db, { ...filter, alsoIds })
    .map((p) => ({ ...present(p, ctx.today), group: groupOf(p.stage, effectiveTier(p, ctx.today)) }))
    .filter((p) => !tier || (p.group === tier && p.stage !== 'lost'))
    .sort((a, b) => Number(a.group === 'customers') - Number(b.group === 'customers'));
  if (ctx.json) ctx.printJson(found);
  else if (found.length > 0) {
    await measuring(found);
    ctx.print(listTable(ctx.t, found, ctx.today, ctx.width));
    ctx.hint(paint.dim(ctx.t.ui.listCount({ count: found.length })));
  } else if (countProspects(book.db) === 0) ctx.print(emptyBook(ctx, book));
  else ctx.print(ctx.t.ui.nothingFound);
  return found;
}

export const run: Run<'list'> = (ctx, o) => list(ctx, o);
