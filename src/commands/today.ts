// dealer today: the morning list — who to call, why, and what to open with.
import { dueList, nextDue } from '../actions/due-list.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { addDays, parseDay } from '../domain/dates.js';
import type { DueItem } from '../domain/due.js';
import { usage } from '../domain/errors.js';
import { measuring } from '../output/columns.js';
import { todayView } from '../output/today.js';
import { contactsOn } from '../store/contacts.js';
import { readSettings } from '../store/settings.js';

export type TodayOptions = Options<'today'>;

/** Rows shown when stdout is not a terminal and --all was not given. */
const PIPE_ROWS = 25;

export async function today(ctx: Context, o: TodayOptions): Promise<DueItem[]> {
  const on = o.date ? parseDay(o.date, ctx.today, 'future') : ctx.today;
  const days = o.days === undefined ? 0 : Number(o.days);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw usage('badDays', { input: o.days ?? '' });
  const to = addDays(on, days);
  const book = await ctx.open('read');
  const items = dueList(book.db, on, to);

  if (ctx.json) {
    ctx.printJson(items);
    return items;
  }
  // An empty list is the rare morning: what it needs is loaded only then.
  let next: DueItem | undefined;
  if (items.length === 0) {
    const { countProspects } = await import('../store/prospects.js');
    if (countProspects(book.db) === 0) {
      const { emptyBook } = await import('../output/empty.js');
      ctx.print(emptyBook(ctx, book));
      return items;
    }
    next = nextDue(book.db, to);
  }
  await measuring(items, next);
  const limit = o.all ? Infinity : ctx.width ? Math.max(5, (ctx.height || 30) - 10) : PIPE_ROWS;
  ctx.print(
    todayView(ctx.t, {
      on,
      items,
      limit,
      contactsToday: contactsOn(book.db, on),
      goal: readSettings(book.db).goal,
      next,
      width: ctx.width,
    }),
  );
  return items;
}

export const run: Run<'today'> = (ctx, o) => today(ctx, o);
