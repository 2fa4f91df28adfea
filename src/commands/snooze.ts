// dealer snooze: move what is due for a prospect today to a later day.
import { readBack } from '../actions/read-back.js';
import { snoozeDue } from '../actions/tick-off.js';
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { parseDay } from '../domain/dates.js';
import { ticked } from '../output/tick-off.js';
import { present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';

export async function snooze(ctx: Context, idText: string, dateText: string) {
  const to = parseDay(dateText, ctx.today, 'future');
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  const plan = write(db, () => snoozeDue(db, p, to, readSettings(db), { now: ctx.stamp, today: ctx.today }));
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson({ ...present(after, ctx.today), handled: plan.handled, snoozedTo: to });
  else ctx.print(ticked(ctx.t, { prospect: after, handled: plan.handled, today: ctx.today, to }));
  return plan;
}

export const run: Run<'snooze'> = (ctx, { id, date }) => snooze(ctx, id, date);
