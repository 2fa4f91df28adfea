// The crib sheets in the user's language, shared by script, consult and show.
import type { Context } from '../context.js';
import { usage } from '../domain/errors.js';
import type { Topic } from '../domain/script.js';
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

export function findTopic(topics: Topic[], key: string): Topic {
  const topic = topics.find((t) => t.key === key.trim().toLowerCase());
  if (!topic) throw usage('unknownTopic', { input: key, choices: topics.map((t) => t.key).join(', ') });
  return topic;
}
