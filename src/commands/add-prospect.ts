// dealer add-prospect: after a call or a walk-in, the new lead goes in with a first callback booked
// (or, with --met, with that first contact recorded and the callback after it).
import { readBack } from '../actions/read-back.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { recordContact } from '../actions/record-contact.js';
import { parseDay, stampOf } from '../domain/dates.js';
import { checkContactDate } from '../domain/date-rules.js';
import { usage, type DealerError } from '../domain/errors.js';
import { phoneTaken, refuseDuplicates, wechatTaken } from '../actions/duplicates.js';
import { normalisePhones } from '../domain/phone.js';
import { phoneParser, parserFor } from '../input/phone.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import { firstCallback } from '../domain/schedule.js';
import { KINDS, parseKind, SOURCES, type Kind } from '../domain/vocab.js';
import { present, confirmation } from '../output/prospect.js';
import { write, type DB } from '../store/db.js';
import { applyReminders } from '../store/contacts.js';
import { thanksForReferral } from '../domain/referral.js';
import { insertProspect, prospectExists } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { fieldsFromOptions, tierFields } from '../input/prospect-flags.js';
import { safe } from '../output/screen.js';
import { errorText } from '../i18n/label.js';
import { kindFor, tradeFor } from '../domain/trade.js';
import { NO_TRIP, planTrip, touchesTrip } from '../actions/trip.js';

export type AddOptions = Options<'add-prospect'>;

export async function addProspect(ctx: Context, name: string | undefined, o: AddOptions): Promise<Prospect> {
  let fields = fieldsFromOptions({ ...o, name }, ctx.today);
  const added = o.date !== undefined ? checkContactDate(parseDay(o.date, ctx.today, 'past'), ctx.today) : ctx.today;
  let met = o.met === undefined ? undefined : parseKind(o.met);
  const missing = !fields.name || (!fields.phone && !fields.wechat);
  if (missing && !ctx.interactive) {
    const names = [!fields.name && 'name', !fields.phone && !fields.wechat && 'phone'].filter(Boolean).join(', ');
    throw usage('missingFields', { fields: names, flags: '"<name>" --phone <number>' });
  }

  // The book is open before the questions, so a number someone already has is said at once.
  const { db } = await ctx.open('write');
  const settings = readSettings(db);
  if (missing) {
    // A number given as a flag that someone has: say so before asking anything else.
    if (!o.force) refuseDuplicates(db, fields, settings.region, 0, await parserFor(fields.phone, settings.region));
    fields = await askMissing(ctx, fields, o.force ? undefined : { db, region: settings.region });
    // A walk-in is usually typed in after the visit: the same first contact as --met records.
    if (met === undefined) met = await askMet(ctx);
  }
  if (met !== undefined) kindFor(met, tradeFor(fields, settings), o.met ?? met);
  // Given or asked for above; read once more so the insert has it as a string.
  const named = fields.name;
  if (!named) throw usage('missingFields', { fields: 'name', flags: '"<name>" --phone <number>' });
  const parse = await parserFor(fields.phone, settings.region);
  const phones = fields.phone ? normalisePhones(fields.phone, settings.region, parse) : [];
  const id = write(db, () => {
    if (!o.force) refuseDuplicates(db, fields, settings.region, 0, parse);
    if (fields.referredBy && !prospectExists(db, fields.referredBy))
      throw usage('unknownId', { id: fields.referredBy });
    const tier = fields.tier ?? 'C';
    const newId = insertProspect(
      db,
      {
        ...fields,
        name: named,
        stage: 'new',
        tier,
        nextCallback: fields.nextCallback ?? firstCallback(settings, added),
      },
      phones,
      stampOf(ctx.now, added),
    );
    // A referral is a favour: the referrer is owed a thank-you (篇1 §6.1).
    if (fields.referredBy) applyReminders(db, fields.referredBy, [thanksForReferral(added)], []);
    // Through the same action as `visit`: a walk-in owes tomorrow's thank-you like any first visit.
    if (met) {
      const contact = { date: added, kind: met, next: fields.nextCallback ?? undefined };
      recordContact(db, readBack(db, newId), contact, settings, { now: ctx.stamp, today: ctx.today });
    }
    // After the first contact: meeting them is not yet giving the departure notice or taking the balance.
    if (touchesTrip(fields)) planTrip(db, newId, NO_TRIP, ctx.today);
    return newId;
  });

  const p = readBack(db, id);
  if (ctx.json) ctx.printJson(present(p, ctx.today));
  else ctx.print(confirmation(ctx.t, p, ctx.today, 'added'));
  return p;
}

/** Who already has a number or WeChat id, for checking answers as they are typed. */
type Holders = { db: DB; region: string };

/**
 * On a terminal: ask for what the flags did not give, the two essentials first. A phone or WeChat id
 * someone else has is refused right there, naming who has it, and asked again.
 */
async function askMissing(ctx: Context, given: ProspectFields, holders?: Holders): Promise<ProspectFields> {
  const ask = await ctx.ask();
  const q = ctx.t.ui.prompt;
  const f = { ...given };
  // The refusal names who has the number: a stored name, drawn by Inquirer, not by ctx.print.
  const say = (e: DealerError | undefined) => (e ? safe(errorText(ctx.t, e)) : true);
  if (!f.name) f.name = await ask.text(q.name, { required: true });
  if (!f.phone && !f.wechat) {
    // At a prompt the numbering plans' load time is not noticed, and validation needs them.
    const parse = await phoneParser();
    f.phone = await ask.text(q.phone, {
      required: true,
      validate: (v) => {
        try {
          normalisePhones(v, holders?.region, parse);
        } catch {
          return safe(ctx.t.err.badPhone({ input: v }));
        }
        return holders ? say(phoneTaken(holders.db, v, holders.region, 0, parse)) : true;
      },
    });
    f.wechat =
      (await ask.text(q.wechat, {
        validate: (v) => (holders && v.trim() ? say(wechatTaken(holders.db, v)) : true),
      })) || null;
  }
  if (f.source === undefined) {
    f.source = await ask.choose(
      q.source,
      SOURCES.map((s) => ({ value: s, name: ctx.t.word.source[s] })),
    );
  }
  if (f.interest === undefined) f.interest = (await ask.text(q.interest)) || null;
  if (f.tier === undefined) {
    const windows = ['1w', '1m', '3m', '6m', 'skip'] as const;
    const w = await ask.choose(
      q.within,
      windows.map((value) => ({ value, name: q.withinChoice[value] })),
      '1m',
    );
    if (w !== 'skip') Object.assign(f, tierFields({ within: w }, ctx.today));
  }
  if (f.note === undefined) f.note = (await ask.text(q.note)) || null;
  return f;
}

/** "Have you already spoken to them?": not yet, or the kind of that first contact. */
async function askMet(ctx: Context): Promise<Kind | undefined> {
  const q = ctx.t.ui.prompt;
  const answer = await (
    await ctx.ask()
  ).choose<Kind | 'none'>(
    q.met,
    [{ value: 'none', name: q.notYet }, ...KINDS.map((k) => ({ value: k, name: ctx.t.word.kind[k] }))],
    'none',
  );
  return answer === 'none' ? undefined : answer;
}

export const run: Run<'add-prospect'> = (ctx, { name, ...o }) => addProspect(ctx, name, o);
