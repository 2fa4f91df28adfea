// dealer script: the crib sheets — listed, printed, or personalised for one prospect.
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { usage } from '../domain/errors.js';
import type { ShownTopic, Topic } from '../domain/script.js';
import { scriptFor } from '../actions/script-for.js';
import { measuring } from '../output/columns.js';
import { renderScript, topicList } from '../output/script.js';
import { requireProspect } from '../actions/prospect.js';
import { findTopic, scriptsFor, scriptWords } from '../actions/topics.js';

export async function script(
  ctx: Context,
  key: string | undefined,
  o: Options<'script'>,
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

export const run: Run<'script'> = (ctx, { topic, ...o }) => script(ctx, topic, o);
