// dealer classify: grade urgency — by hand, from when they will buy, from an organisation's cycle and
// batch size, or by asking the qualification questions. `--all` moves derived tiers as dates near.
import { readBack } from '../actions/read-back.js';
import { withRegrade } from '../actions/regrade.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { parseDay, type Day } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import { effectiveTier, qualify, dateTier, type Tier, type Verdict } from '../domain/tier.js';
import { regraded, verdictText, type Move, type Passed } from '../output/classify.js';
import { measuring } from '../output/columns.js';
import { present } from '../output/prospect.js';
import { write } from '../store/db.js';
import { datedOpenProspects, updateProspect } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';
import { fieldsFromOptions, tierFields } from '../input/prospect-flags.js';

export type ClassifyOptions = Options<'classify'>;

export async function classify(ctx: Context, idText: string | undefined, o: ClassifyOptions) {
  if (o.all) {
    if (idText) throw usage('classifyAllOrId');
    return classifyAll(ctx, o.date !== undefined ? parseDay(o.date, ctx.today, 'future') : ctx.today);
  }
  if (!idText) throw usage('missingFields', { fields: 'id', flags: '<id> (or --all)' });
  const { all: _all, date: _date, ...given } = o;
  let fields = fieldsFromOptions(given, ctx.today);
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  if (Object.keys(fields).length === 0) {
    if (!ctx.interactive)
      throw usage('missingFields', { fields: 'tier', flags: '--tier, --within, --expected or --cycle and --batch' });
    fields = await askQualification(ctx, p);
  }
  const settings = readSettings(db);
  const before = effectiveTier(p, ctx.today);
  write(db, () =>
    updateProspect(db, p.id, withRegrade(db, p, fields, ctx.today, settings), { now: ctx.stamp, day: ctx.today }),
  );
  const after = readBack(db, p.id);
  const q = { need: after.need, canPay: after.canPay, decides: after.decides };
  const verdict: Verdict | null =
    q.need !== null && q.canPay !== null && q.decides !== null ? qualify(q.need, q.canPay, q.decides) : null;
  if (ctx.json) ctx.printJson({ ...present(after, ctx.today), verdict });
  else
    ctx.print(
      verdictText(ctx.t, { prospect: after, before, after: effectiveTier(after, ctx.today), verdict }, ctx.today),
    );
  return after;
}

/** The window that gives each tier: what "when will they buy" was, answered again. */
const WINDOW_OF: Record<Tier, string> = { O: '1w', A: '1m', B: '3m', C: '6m' };

/**
 * The qualification questions (篇1 §4.1): a need, the means, the authority, and when. Each starts on
 * the prospect's current answer, so Enter through them changes nothing (an O stays O).
 */
async function askQualification(ctx: Context, p: Prospect): Promise<ProspectFields> {
  const ask = await ctx.ask();
  const q = ctx.t.ui.prompt;
  const need = await ask.confirm(q.need, p.need ?? true);
  const canPay = await ask.confirm(q.canPay, p.canPay ?? true);
  const decides = await ask.confirm(q.decides, p.decides ?? true);
  const tier = effectiveTier(p, ctx.today);
  const current = tier === 'C' && !p.expected && !p.tierManual ? 'skip' : WINDOW_OF[tier];
  const windows = ['1w', '1m', '3m', '6m', 'skip'] as const;
  const w = await ask.choose(
    q.within,
    windows.map((value) => ({ value, name: q.withinChoice[value] })),
    current,
  );
  const keep = w === current || w === 'skip';
  return { need, canPay, decides, ...(keep ? {} : tierFields({ within: w }, ctx.today)) };
}

async function classifyAll(ctx: Context, on: Day): Promise<{ moved: Move[]; windowPassed: Passed[] }> {
  const { db } = await ctx.open('write');
  const settings = readSettings(db);
  const moved: Move[] = [];
  const windowPassed: Passed[] = [];
  write(db, () => {
    for (const p of datedOpenProspects(db)) {
      const { expected } = p;
      // The store's query returns only prospects with a purchase date.
      if (!expected) continue;
      const tier: Tier = effectiveTier(p, on);
      if (expected < on && (tier === 'O' || tier === 'A'))
        windowPassed.push({ id: p.id, name: p.name, tier, expected });
      if (p.tierManual) continue;
      const to = dateTier(p.kind, expected, on);
      if (to === p.tier) continue;
      const fields = withRegrade(db, p, { tier: to }, on, settings);
      updateProspect(db, p.id, fields, { now: ctx.stamp, day: on });
      moved.push({
        id: p.id,
        name: p.name,
        from: p.tier,
        to,
        expected,
        nextCallback: fields.nextCallback ?? p.nextCallback,
      });
    }
  });
  const result = { moved, windowPassed };
  if (ctx.json) ctx.printJson(result);
  else {
    await measuring(result);
    ctx.print(regraded(ctx.t, result, on, ctx.width));
  }
  return result;
}

export const run: Run<'classify'> = (ctx, { id, ...o }) => classify(ctx, id, o);
