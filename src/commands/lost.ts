// dealer lost: the prospect bought elsewhere or dropped out. Never due again; the reason is kept.
import { readBack } from '../actions/read-back.js';
import { closeLost } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { parseDay } from '../domain/dates.js';
import { Cancelled, usage } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import { closed } from '../output/contact.js';
import { present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { requireProspect } from '../actions/prospect.js';
import { safe } from '../output/screen.js';

export async function lost(ctx: Context, idText: string, o: Options<'lost'>): Promise<Prospect> {
  const date = o.date !== undefined ? parseDay(o.date, ctx.today, 'past') : ctx.today;
  let reason = o.reason?.trim();
  if (o.reason !== undefined && !reason) throw usage('lostNeedsReason', { id: idText });
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  // The first reason is what the loss report counts: a second `lost` must not quietly replace it.
  if (p.stage === 'lost') {
    const first = { id: p.id, name: p.name, reason: p.lostReason ?? '' };
    const shown = { ...first, name: safe(first.name), reason: safe(first.reason) };
    if (!ctx.interactive) throw usage('alreadyLost', first);
    const replace = await (await ctx.ask()).confirm(ctx.t.ui.prompt.replaceLostReason(shown), false);
    if (!replace) throw new Cancelled();
  }
  if (!reason) {
    if (!ctx.interactive) throw usage('lostNeedsReason', { id: p.id });
    reason = await (await ctx.ask()).text(ctx.t.ui.prompt.lostReason, { required: true });
  }
  const plan = write(db, () => closeLost(db, p, date, reason, { now: ctx.stamp, today: ctx.today }, o.refund === true));
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson(present(after, ctx.today));
  else ctx.print(closed(ctx.t, after, plan, ctx.today));
  return after;
}

export const run: Run<'lost'> = (ctx, { id, ...o }) => lost(ctx, id, o);
