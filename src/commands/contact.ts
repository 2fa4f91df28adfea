// dealer contact edit|delete: correct a past contact; the schedule is planned again as if it had
// been recorded right.
import { readBack } from '../actions/read-back.js';
import { correctContact, type Correction } from '../actions/correct-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { parseDay } from '../domain/dates.js';
import { checkContactDate } from '../domain/date-rules.js';
import { usage } from '../domain/errors.js';
import { parseKind } from '../domain/vocab.js';
import { present } from '../output/prospect.js';
import { corrected } from '../output/contacts.js';
import { getContact } from '../store/contacts.js';
import { write } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { parseId } from '../domain/ids.js';
import { kindFor, tradeFor } from '../domain/trade.js';

export type ContactOptions = Options<'contact'>;

const text = (v: string | undefined) => (v === undefined ? undefined : v.trim() || null);

function correction(ctx: Context, o: ContactOptions): Correction {
  const c: Correction = {
    date: o.date === undefined ? undefined : checkContactDate(parseDay(o.date, ctx.today, 'past'), ctx.today),
    kind: o.kind === undefined ? undefined : parseKind(o.kind),
    note: text(o.note),
    outcome: text(o.outcome),
  };
  if (Object.values(c).every((v) => v === undefined)) throw usage('nothingToCorrect');
  return c;
}

export async function contact(ctx: Context, action: string, idText: string, o: ContactOptions) {
  if (action !== 'edit' && action !== 'delete') throw usage('badContactAction', { input: action });
  const change = action === 'edit' ? correction(ctx, o) : null;
  const id = parseId(idText);
  const { db } = await ctx.open('write');
  const found = getContact(db, id);
  if (!found) throw usage('unknownContact', { id });
  const p = readBack(db, found.prospectId);
  if (change?.kind !== undefined && o.kind !== undefined) kindFor(change.kind, tradeFor(p, readSettings(db)), o.kind);
  write(db, () => correctContact(db, p, found, change, readSettings(db), { now: ctx.stamp, today: ctx.today }));
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson({ ...present(after, ctx.today), contact: getContact(db, id) ?? null });
  else ctx.print(corrected(ctx.t, { prospect: after, contactId: id, deleted: change === null, today: ctx.today }));
  return after;
}

export const run: Run<'contact'> = (ctx, { action, contactId, ...o }) => contact(ctx, action, contactId, o);
