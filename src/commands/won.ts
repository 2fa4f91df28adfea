// dealer won: the deal is signed. Thank them tomorrow, keep the order's terms, prepare the delivery.
import { readBack } from '../actions/read-back.js';
import { closeWon } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { parseDay } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import { orderTerms } from '../input/order-flags.js';
import { isCustomer } from '../domain/vocab.js';
import { closed } from '../output/contact.js';
import { present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';

export async function won(ctx: Context, idText: string, o: Options<'won'>): Promise<Prospect> {
  const date = o.date !== undefined ? parseDay(o.date, ctx.today, 'past') : ctx.today;
  const order = orderTerms(o, ctx.today);
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  if (p.stage === 'lost') throw usage('wonOnLost', { id: p.id });
  if (isCustomer(p.stage)) throw usage('alreadyWon', { id: p.id, date: p.wonOn ?? '' });
  const settings = readSettings(db);
  const plan = write(db, () => closeWon(db, p, date, settings, { now: ctx.stamp, today: ctx.today }, order));
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson(present(after, ctx.today));
  else ctx.print(closed(ctx.t, after, plan, ctx.today));
  return after;
}

export const run: Run<'won'> = (ctx, { id, ...o }) => won(ctx, id, o);
