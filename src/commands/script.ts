// dealer script: the crib sheets — listed, printed, or personalised for one prospect.
import type { Context } from '../context.js';
import { usage } from '../domain/errors.js';
import type { ShownTopic, Topic } from '../domain/script.js';
import { scriptFor, type ScriptWords } from '../actions/script-for.js';
import { measuring } from '../output/columns.js';
import { renderScript, topicList } from '../output/script.js';
import { loadScripts } from '../scripts/load.js';
import { requireProspect } from './args.js';

/** The scripts in the user's language, with any broken override file reported on stderr. */
export function scriptsFor(ctx: Context): Topic[] {
  const { topics, problems } = loadScripts(ctx.t.lang);
  for (const p of problems) {
    ctx.tell(
      `warning: ${p.file}:${p.line}: ${ctx.t.ui.scriptProblem[p.problem]}${p.detail ? ` (${p.detail})` : ''} — ${ctx.t.ui.scriptSkipped}`,
    );
  }
  return topics;
}

/** A topic by its key (`consult`) or by the name the consultant sees (需求分析). */
/** What a personalised script needs from this run: language, day, and the customer-types sheet. */
export function scriptWords(ctx: Context, topics: Topic[]): ScriptWords {
  return {
    lang: ctx.t.lang,
    today: ctx.today,
    blanks: ctx.t.ui.scriptBlank,
    days: ctx.t.ui.scriptDays,
    typeTitle: ctx.t.ui.scriptType,
    types: topics.find((x) => x.key === 'customer-types'),
  };
}

export function findTopic(topics: Topic[], key: string, names: Record<string, string> = {}): Topic {
  const wanted = key.trim().toLowerCase();
  const topic = topics.find((t) => t.key === wanted || names[t.key] === key.trim());
  if (!topic) throw usage('unknownTopic', { input: key, choices: topics.map((t) => names[t.key] ?? t.key).join(', ') });
  return topic;
}

export async function script(
  ctx: Context,
  key: string | undefined,
  o: { for?: string },
): Promise<Topic[] | ShownTopic> {
  const topics = scriptsFor(ctx);
  if (!key) {
    if (o.for) throw usage('missingFields', { fields: 'topic', flags: `dealer script <topic> --for ${o.for}` });
    if (ctx.json) ctx.printJson(topics.map(({ key: k, title, summary }) => ({ key: k, title, summary })));
    else {
      await measuring(topics);
      ctx.print(topicList(ctx.t, topics, ctx.width));
    }
    return topics;
  }
  const topic = findTopic(topics, key, ctx.t.word.topic);
  const { db } = await ctx.open('read');
  const p = o.for ? requireProspect(db, o.for) : undefined;
  const shown = scriptFor(db, topic, p, scriptWords(ctx, topics));
  if (ctx.json) ctx.printJson(shown);
  else {
    await measuring(shown, p?.name);
    ctx.print(renderScript(ctx.t, shown, p, ctx.width));
  }
  return shown;
}

export const run = (ctx: Context, args: string[], opts: { for?: string }) => script(ctx, args[0], opts);
