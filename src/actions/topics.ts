// The crib sheets in the user's language, shared by script, consult and show.
import type { Context } from '../context.js';
import { usage } from '../domain/errors.js';
import type { Topic } from '../domain/script.js';
import type { ScriptWords } from './script-for.js';
import { loadScripts } from '../scripts/load.js';

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

/** A topic by its key (`consult`) or by the name the consultant sees (需求分析). */
export function findTopic(topics: Topic[], key: string, names: Record<string, string> = {}): Topic {
  const wanted = key.trim().toLowerCase();
  const topic = topics.find((t) => t.key === wanted || names[t.key] === key.trim());
  if (!topic) throw usage('unknownTopic', { input: key, choices: topics.map((t) => names[t.key] ?? t.key).join(', ') });
  return topic;
}
