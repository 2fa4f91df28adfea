// dealer delivered: the car is handed over. The one-week check-up counts from today, not from `won`;
// the first service and the anniversary are booked from it too.
import { readBack } from '../actions/read-back.js';
import { recordContact } from '../actions/record-contact.js';
import { requireProspect } from '../actions/prospect.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { parseDay } from '../domain/dates.js';
import { checkContactDate } from '../domain/date-rules.js';
import { usage } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import { recorded } from '../output/contact.js';
import { present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { readSettings } from '../store/settings.js';

export type DeliveredOptions = Options<'delivered'>;

export async function delivered(ctx: Context, idText: string, o: DeliveredOptions): Promise<Prospect> {
  const today = ctx.today;
  const date = o.date ? checkContactDate(parseDay(o.date, today, 'past'), today) : today;
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  if (p.deal?.deliveredOn) throw usage('alreadyDelivered', { id: p.id, date: p.deal.deliveredOn });
  // An order comes first: it is what the delivery hands over, and what the deal report counts.
  if (p.stage !== 'won') throw usage('deliverNotWon', { id: p.id, stage: p.stage });
  if (p.wonOn && date < p.wonOn) throw usage('deliveredBeforeWon', { date, won: p.wonOn });
  // A trip comes home after it leaves: before departure, `delivered` is a slip for `won`.
  if (p.departs && date < p.departs) throw usage('returnedBeforeDeparture', { date, departs: p.departs });
  const settings = readSettings(db);
  const { plan } = write(db, () =>
    recordContact(db, p, { date, kind: 'delivery', note: o.note?.trim() || null }, settings, { now: ctx.stamp, today }),
  );
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson({ ...present(after, today), recorded: plan.add });
  else ctx.print(recorded(ctx.t, { prospect: after, kind: 'delivery', date, plan, wasLost: false }, today));
  return after;
}

export const run: Run<'delivered'> = (ctx, { id, ...o }) => delivered(ctx, id, o);
