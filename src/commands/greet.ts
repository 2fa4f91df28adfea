// dealer greet [festival]: a ready-to-paste festival message for every customer and hot prospect,
// addressed as the consultant would (王先生) and signed with their own and their store's name.
import { lunarToSolar } from '../actions/lunar.js';
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { comingFestival, findFestival, nextOccurrence } from '../domain/festival.js';
import { greetees } from '../domain/greet.js';
import { salutationOf } from '../domain/salutation.js';
import { measuring } from '../output/columns.js';
import { renderGreetings, type GreetLine } from '../output/greet.js';
import { greetCandidates } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { labelOf } from '../i18n/label.js';

export interface Greetings {
  festival: string;
  name: string;
  date: string;
  people: GreetLine[];
}

export async function greet(ctx: Context, wanted?: string): Promise<Greetings> {
  const { festival, day } = wanted
    ? (() => {
        const f = findFestival(wanted);
        return { festival: f, day: nextOccurrence(f, ctx.today, lunarToSolar) };
      })()
    : comingFestival(ctx.today, lunarToSolar);
  const { db } = await ctx.open('read');
  const { consultant, store } = readSettings(db);
  const t = ctx.t;
  const people = greetees(greetCandidates(db), ctx.today).map(({ prospect: p, group }): GreetLine => {
    const salutation = salutationOf(p, t.lang);
    return {
      id: p.id,
      name: p.name,
      salutation,
      phone: p.phone,
      wechat: p.wechat,
      group,
      message: `${t.ui.greetHello({ name: salutation, me: consultant, store })}${t.lang === 'zh' ? '' : ' '}${labelOf(t.ui.wish, festival.key) ?? ''}`,
    };
  });
  const result = {
    festival: festival.key,
    name: labelOf(t.ui.festival, festival.key) ?? festival.key,
    date: day,
    people,
  };
  if (ctx.json) ctx.printJson(result);
  else {
    await measuring(people);
    ctx.print(renderGreetings(t, { festival: festival.key, date: day, today: ctx.today, people, width: ctx.width }));
  }
  return result;
}

export const run: Run<'greet'> = (ctx, { festival }) => greet(ctx, festival);
