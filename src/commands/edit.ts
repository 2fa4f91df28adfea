// dealer edit: correct or complete a prospect; flags as on add-prospect, or prompts on a terminal.
import type { Context } from '../context.js';
import { DealerError, usage } from '../domain/errors.js';
import { matchKeys, normalisePhones } from '../domain/phone.js';
import { phoneParser, readPhones } from '../input/phone.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import { confirmation, present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { findByPhones, getProspect, prospectExists, updateProspect } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from './args.js';
import { withRegrade } from '../actions/regrade.js';
import { fieldsFromOptions, type ProspectOptions } from './prospect-flags.js';

export interface EditOptions extends ProspectOptions {
  force?: boolean;
}

export async function edit(ctx: Context, idText: string, o: EditOptions): Promise<Prospect> {
  let fields = fieldsFromOptions(o, ctx.today);
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  if (Object.keys(fields).length === 0) {
    if (!ctx.interactive) throw usage('nothingToChange', { id: p.id });
    fields = await askEdits(ctx, p);
    if (Object.keys(fields).length === 0) {
      ctx.tell(ctx.t.err.nothingToChange!({}));
      return p;
    }
  }
  const settings = readSettings(db);
  const phones =
    fields.phone === undefined ? undefined : fields.phone ? await readPhones(fields.phone, settings.region) : [];
  write(db, () => {
    if (phones && !o.force) {
      const [dup] = findByPhones(db, matchKeys(phones, settings.region), p.id);
      if (dup) throw usage('duplicatePhone', { number: fields.phone!, id: dup.id, name: dup.name });
    }
    if (fields.referredBy === p.id) throw usage('referrerSelf');
    if (fields.referredBy && !prospectExists(db, fields.referredBy))
      throw usage('unknownId', { id: fields.referredBy });
    const all = withRegrade(db, p, fields, ctx.today, settings);
    updateProspect(db, p.id, all, { now: ctx.stamp, day: ctx.today }, phones);
  });
  const updated = getProspect(db, p.id)!;
  if (ctx.json) ctx.printJson(present(updated, ctx.today));
  else ctx.print(confirmation(ctx.t, updated, ctx.today, 'updated'));
  return updated;
}

const EDITABLE = [
  'name',
  'phone',
  'wechat',
  'email',
  'source',
  'interest',
  'budget',
  'within',
  'birthday',
  'note',
] as const;

/** On a terminal with no flags: pick a field, type its new value, repeat until done. */
async function askEdits(ctx: Context, p: Prospect): Promise<ProspectFields> {
  const ask = await ctx.ask();
  // At a prompt the numbering plans' load time is not noticed, and validating a phone needs them.
  const parse = await phoneParser();
  const q = ctx.t.ui.prompt;
  const answers: Record<string, string> = {};
  const current = (k: string) => (answers[k] ?? (p as unknown as Record<string, unknown>)[k] ?? '') as string;
  for (;;) {
    const choices = [
      ...EDITABLE.map((k) => ({ value: k as string, name: `${k}: ${current(k)}` })),
      { value: 'done', name: q.editDone },
    ];
    const key = await ask.choose(q.editWhich, choices, 'done');
    if (key === 'done') break;
    answers[key] = await ask.text(q.value({ field: key }), {
      initial: current(key) || undefined,
      validate: (v) => {
        try {
          fieldsFromOptions({ [key]: v }, ctx.today);
          if (key === 'phone' && v.trim()) normalisePhones(v, 'CN', parse);
          return true;
        } catch (e) {
          return e instanceof DealerError ? ctx.t.err[e.code]!(e.params) : String(e);
        }
      },
    });
  }
  return fieldsFromOptions(answers, ctx.today);
}

export const run = (ctx: Context, args: string[], opts: EditOptions) => edit(ctx, args[0]!, opts);
