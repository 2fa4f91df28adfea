// dealer add-prospect: after a call or a walk-in, the new lead goes in with a first callback booked.
import type { Context } from '../context.js';
import { parseDay, stampOf } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { matchKeys, normalisePhones } from '../domain/phone.js';
import { phoneParser, readPhones } from '../input/phone.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import { firstCallback } from '../domain/schedule.js';
import { SOURCES } from '../domain/vocab.js';
import { present, confirmation } from '../output/prospect.js';
import { write } from '../store/db.js';
import { findByPhones, getProspect, insertProspect, prospectExists } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { fieldsFromOptions, tierFields, type ProspectOptions } from './prospect-flags.js';

export interface AddOptions extends ProspectOptions {
  force?: boolean;
  date?: string;
}

export async function addProspect(ctx: Context, name: string | undefined, o: AddOptions): Promise<Prospect> {
  let fields = fieldsFromOptions({ ...o, name: name ?? o.name }, ctx.today);
  const added = o.date ? parseDay(o.date, ctx.today, 'past') : ctx.today;
  if (!fields.name || (!fields.phone && !fields.wechat)) {
    if (!ctx.interactive) {
      const missing = [!fields.name && 'name', !fields.phone && !fields.wechat && 'phone'].filter(Boolean).join(', ');
      throw usage('missingFields', { fields: missing, flags: '"<name>" --phone <number>' });
    }
    fields = await askMissing(ctx, fields);
  }

  const { db } = await ctx.open('write');
  const settings = readSettings(db);
  const phones = fields.phone ? await readPhones(fields.phone, settings.region) : [];
  const id = write(db, () => {
    if (!o.force) {
      const [dup] = findByPhones(db, matchKeys(phones, settings.region));
      if (dup) throw usage('duplicatePhone', { number: fields.phone!, id: dup.id, name: dup.name });
    }
    if (fields.referredBy && !prospectExists(db, fields.referredBy))
      throw usage('unknownId', { id: fields.referredBy });
    const tier = fields.tier ?? 'C';
    return insertProspect(
      db,
      {
        ...fields,
        name: fields.name!,
        stage: 'new',
        tier,
        nextCallback: fields.nextCallback ?? firstCallback(settings, fields.kind ?? 'person', tier, added),
      },
      phones,
      stampOf(ctx.now, added),
    );
  });

  const p = getProspect(db, id)!;
  if (ctx.json) ctx.printJson(present(p, ctx.today));
  else ctx.print(confirmation(ctx.t, p, ctx.today, 'added'));
  return p;
}

/** On a terminal: ask for what the flags did not give, the two essentials first. */
async function askMissing(ctx: Context, given: ProspectFields): Promise<ProspectFields> {
  const ask = await ctx.ask();
  const q = ctx.t.ui.prompt;
  const f = { ...given };
  if (!f.name) f.name = await ask.text(q.name, { required: true });
  if (!f.phone && !f.wechat) {
    // At a prompt the numbering plans' load time is not noticed, and validation needs them.
    const parse = await phoneParser();
    f.phone = await ask.text(q.phone, {
      required: true,
      validate: (v) => {
        try {
          normalisePhones(v, 'CN', parse);
          return true;
        } catch {
          return ctx.t.err.badPhone!({ input: v });
        }
      },
    });
  }
  if (f.source === undefined) {
    f.source = await ask.choose(
      q.source,
      SOURCES.map((s) => ({ value: s, name: ctx.t.word.source[s]! })),
    );
  }
  if (f.interest === undefined) f.interest = (await ask.text(q.interest)) || null;
  if (f.tier === undefined) {
    const windows = ['1w', '1m', '3m', '6m', 'skip'];
    const w = await ask.choose(
      q.within,
      windows.map((value) => ({ value, name: q.withinChoice[value]! })),
      '1m',
    );
    if (w !== 'skip') Object.assign(f, tierFields({ within: w }, ctx.today));
  }
  if (f.note === undefined) f.note = (await ask.text(q.note)) || null;
  return f;
}

export const run = (ctx: Context, args: string[], opts: AddOptions) => addProspect(ctx, args[0], opts);
