// dealer done: tick off what is due for a prospect today without inventing a contact.
import { readBack } from '../actions/read-back.js';
import { tickOff } from '../actions/tick-off.js';
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { ticked } from '../output/tick-off.js';
import { present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';

export async function done(ctx: Context, idText: string) {
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  const plan = write(db, () => tickOff(db, p, readSettings(db), { now: ctx.stamp, today: ctx.today }));
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson({ ...present(after, ctx.today), handled: plan.handled });
  else ctx.print(ticked(ctx.t, { prospect: after, handled: plan.handled, today: ctx.today }));
  return plan;
}

export const run: Run<'done'> = (ctx, { id }) => done(ctx, id);
