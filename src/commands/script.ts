// dealer script: the crib sheets — listed, printed, or personalised for one prospect.
import type { Context } from '../context.js';
import { usage } from '../domain/errors.js';
import type { ShownTopic, Topic } from '../domain/script.js';
import { scriptFor } from '../actions/script-for.js';
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

export function findTopic(topics: Topic[], key: string): Topic {
  const topic = topics.find((t) => t.key === key.trim().toLowerCase());
  if (!topic) throw usage('unknownTopic', { input: key, choices: topics.map((t) => t.key).join(', ') });
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
  const topic = findTopic(topics, key);
  const { db } = await ctx.open('read');
  const p = o.for ? requireProspect(db, o.for) : undefined;
  const shown = scriptFor(db, topic, p, ctx.t.ui.scriptBlank);
  if (ctx.json) ctx.printJson(shown);
  else {
    await measuring(shown, p?.name);
    ctx.print(renderScript(ctx.t, shown, p, ctx.width));
  }
  return shown;
}

export const run = (ctx: Context, args: string[], opts: { for?: string }) => script(ctx, args[0], opts);
