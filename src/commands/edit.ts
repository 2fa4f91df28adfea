// dealer edit: correct or complete a prospect; flags as on add-prospect, or prompts on a terminal.
import { readBack } from '../actions/read-back.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { DealerError, usage } from '../domain/errors.js';
import { normalisePhones } from '../domain/phone.js';
import { phoneParser, parserFor } from '../input/phone.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import { confirmation, present } from '../output/prospect.js';
import { write, type DB } from '../store/db.js';
import { prospectExists, updateProspect } from '../store/prospects.js';
import { milestonesOf, peopleOf } from '../store/people.js';
import { phoneTaken, refuseDuplicates, wechatTaken } from '../actions/duplicates.js';
import { TIERS } from '../domain/tier.js';
import { SOURCES } from '../domain/vocab.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';
import { withRegrade } from '../actions/regrade.js';
import { amendDeal } from '../actions/amend-deal.js';
import type { Choice } from '../input/ask.js';
import { orderTerms } from '../input/order-flags.js';
import { fieldsFromOptions, type ProspectOptions } from '../input/prospect-flags.js';
import { errorText, labelOf } from '../i18n/label.js';
import { safe } from '../output/screen.js';
import { planTrip, touchesTrip } from '../actions/trip.js';
import type { TripDuty } from '../domain/trip.js';

export type EditOptions = Options<'edit'>;

export async function edit(ctx: Context, idText: string, o: EditOptions): Promise<Prospect> {
  let fields = fieldsFromOptions(o, ctx.today);
  const order = orderTerms(o, ctx.today);
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  const ordered = Object.keys(order).length > 0;
  if (ordered && p.stage === 'lost') throw usage('wonOnLost', { id: p.id });
  if (Object.keys(fields).length === 0 && !ordered) {
    if (!ctx.interactive) throw usage('nothingToChange', { id: p.id });
    fields = await askEdits(ctx, p, db, readSettings(db).region);
    if (Object.keys(fields).length === 0) {
      ctx.tell(ctx.t.err.nothingToChange());
      return p;
    }
  }
  // Clearing what is already empty (--clear trip without a trip) changes nothing: nothing is written,
  // so undo has nothing to take back.
  const now = new Map(Object.entries(p));
  const clearsOnly = Object.entries(fields).every(([k, v]) => v === null && now.get(k) === null);
  if (clearsOnly && !ordered) {
    ctx.tell(ctx.t.ui.nothingChanged({ id: p.id }));
    return p;
  }
  const settings = readSettings(db);
  const parse = await parserFor(fields.phone, settings.region);
  const phones =
    fields.phone === undefined ? undefined : fields.phone ? normalisePhones(fields.phone, settings.region, parse) : [];
  let keptDone: TripDuty[] = [];
  write(db, () => {
    if (!o.force) refuseDuplicates(db, fields, settings.region, p.id, parse);
    if (fields.referredBy === p.id) throw usage('referrerSelf');
    if (fields.referredBy && !prospectExists(db, fields.referredBy))
      throw usage('unknownId', { id: fields.referredBy });
    if (Object.keys(fields).length > 0) {
      const all = withRegrade(db, p, fields, ctx.today, settings);
      updateProspect(db, p.id, all, { now: ctx.stamp, day: ctx.today }, phones);
      if (touchesTrip(fields)) keptDone = planTrip(db, p.id, p, ctx.today);
    }
    if (ordered) amendDeal(db, readBack(db, p.id), order, { now: ctx.stamp, today: ctx.today });
  });
  const updated = readBack(db, p.id);
  if (ctx.json) ctx.printJson(present(updated, ctx.today));
  else ctx.print(confirmation(ctx.t, updated, ctx.today, 'updated'));
  for (const d of keptDone) ctx.tell(d === 'balance-due' ? ctx.t.ui.tripKeptBalance : ctx.t.ui.tripKeptNotice);
  // No longer an organisation: its people and milestones are kept (setting --org again shows them),
  // but nothing shows them meanwhile — say so rather than let them vanish without a word.
  if (p.kind === 'org' && updated.kind !== 'org') {
    const people = peopleOf(db, p.id).length;
    const milestones = milestonesOf(db, p.id).length;
    if (people + milestones > 0) ctx.tell(ctx.t.ui.orgCleared({ id: p.id, people, milestones }));
  }
  return updated;
}

/** Every field a consultant corrects, in the order the menu offers them. */
const EDITABLE = [
  'name',
  'phone',
  'wechat',
  'email',
  'tier',
  'within',
  'next',
  'birthday',
  'org',
  'source',
  'interest',
  'budget',
  'note',
] as const;
type Field = (typeof EDITABLE)[number];

/** Fields that are dates: an empty answer clears them rather than failing to parse. */
const CLEARED_WHEN_EMPTY: Partial<Record<Field, string>> = { next: 'next', birthday: 'birthday' };

/** The answers so far as add-prospect/edit flags, ready for the same checks. */
function asOptions(answers: Partial<Record<Field, string>>): ProspectOptions {
  const clear: string[] = [];
  const o: ProspectOptions & Record<string, unknown> = { clear };
  for (const k of EDITABLE) {
    const v = answers[k];
    const cleared = CLEARED_WHEN_EMPTY[k];
    if (v === undefined) continue;
    if (v === '' && cleared) clear.push(cleared);
    else o[k] = v;
  }
  return o;
}

/** On a terminal with no flags: pick a field, give its new value, repeat until done. */
async function askEdits(ctx: Context, p: Prospect, db: DB, region: string): Promise<ProspectFields> {
  const ask = await ctx.ask();
  // At a prompt the numbering plans' load time is not noticed, and validating a phone needs them.
  const parse = await phoneParser();
  const q = ctx.t.ui.prompt;
  const answers: Partial<Record<Field, string>> = {};
  const stored: Record<Field, string | null> = {
    name: p.name,
    phone: p.phone,
    wechat: p.wechat,
    email: p.email,
    tier: p.tier,
    within: p.expected,
    next: p.nextCallback,
    birthday: p.birthday,
    org: p.org,
    source: p.source && ctx.t.word.source[p.source],
    interest: p.interest,
    budget: p.budget,
    note: p.note,
  };
  const shown = (k: Field) => {
    const v = answers[k];
    if (v === undefined) return stored[k] ?? '—';
    if (k === 'within') return labelOf(q.withinChoice, v) ?? v;
    if (k === 'source') return labelOf(ctx.t.word.source, v) ?? v;
    return v || '—';
  };
  const check = (k: Field, v: string): string | true => {
    try {
      fieldsFromOptions(asOptions({ [k]: v }), ctx.today);
      if (k === 'phone' && v.trim()) normalisePhones(v, region, parse);
      const dup =
        k === 'phone' && v.trim()
          ? phoneTaken(db, v, region, p.id, parse)
          : k === 'wechat' && v.trim()
            ? wechatTaken(db, v, p.id)
            : undefined;
      return dup ? safe(errorText(ctx.t, dup)) : true;
    } catch (e) {
      return safe(e instanceof DealerError ? errorText(ctx.t, e) : String(e));
    }
  };
  for (;;) {
    const choices: Choice<Field | 'done'>[] = [
      ...EDITABLE.map((k) => ({ value: k, name: q.editItem({ field: q.field[k], value: safe(shown(k)) }) })),
      { value: 'done', name: q.editDone },
    ];
    const key = await ask.choose(q.editWhich, choices, 'done');
    if (key === 'done') break;
    const label = q.value({ field: q.field[key] });
    if (key === 'tier') {
      answers.tier = await ask.choose(
        label,
        TIERS.map((t) => ({ value: t, name: q.tierChoice({ tier: t }) })),
        p.tier,
      );
      delete answers.within; // one way of setting the tier at a time; the last one chosen wins
    } else if (key === 'within') {
      const windows = ['1w', '1m', '3m', '6m'] as const;
      answers.within = await ask.choose(
        label,
        windows.map((w) => ({ value: w, name: q.withinChoice[w] })),
        '1m',
      );
      delete answers.tier;
    } else if (key === 'source') {
      answers.source = await ask.choose(
        label,
        SOURCES.map((v) => ({ value: v, name: ctx.t.word.source[v] })),
        p.source ?? undefined,
      );
    } else {
      const before = answers[key] ?? stored[key] ?? undefined;
      answers[key] = await ask.text(label, { initial: before || undefined, validate: (v) => check(key, v) });
    }
  }
  return fieldsFromOptions(asOptions(answers), ctx.today);
}

export const run: Run<'edit'> = (ctx, { id, ...o }) => edit(ctx, id, o);
