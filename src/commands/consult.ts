// dealer consult: the needs-analysis questions asked one by one (or given with --set), and the
// answers saved on the prospect in one transaction at the end.
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { parseType, TYPE_KEYS } from '../domain/customer-type.js';
import { usage } from '../domain/errors.js';
import { consultTopic, tradeFor } from '../domain/trade.js';
import { readSettings } from '../store/settings.js';
import { personalQuestions, questions, type Question } from '../domain/script.js';
import { wordOf } from '../domain/vocab.js';
import { scriptFor } from '../actions/script-for.js';
import { paint } from '../output/color.js';
import { answersOf, removeAnswers, saveAnswers } from '../store/answers.js';
import { write } from '../store/db.js';
import { requireProspect } from '../actions/prospect.js';
import { findTopic, scriptsFor, scriptWords } from '../actions/topics.js';

/** key → new answer, or null to clear it. */
type Changes = Record<string, string | null>;

function parseSets(sets: string[], keys: string[]): Changes {
  const changes: Changes = {};
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at <= 0) throw usage('badSet', { input: s });
    const key = s.slice(0, at).trim().toLowerCase();
    const type = wordOf(TYPE_KEYS, key);
    if (!keys.includes(key) && !type)
      throw usage('unknownAnswerKey', { input: key, choices: [...keys, ...TYPE_KEYS].join(', ') });
    const value = s.slice(at + 1).trim();
    // The customer's type (R1-R4, S1-S4) is saved beside the answers, checked.
    changes[key] = value === '' ? null : type ? parseType(type, value) : value;
  }
  return changes;
}

export async function consult(ctx: Context, idText: string, o: Options<'consult'>): Promise<Record<string, string>> {
  if (!o.set?.length && !ctx.interactive) throw usage('missingFields', { fields: 'answers', flags: '--set key=value' });
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  // The trade's own questions: a home buyer is not asked how long they have been driving.
  const topics = scriptsFor(ctx);
  const topic = findTopic(topics, consultTopic(tradeFor(p, readSettings(db))));
  // Asked and listed as `script consult --for` shows them: "{interest}" is the model they want.
  const shown = personalQuestions(scriptFor(db, topic, p, scriptWords(ctx, topics)));
  const qs = questions(topic).map((q) => ({ ...q, text: shown[q.key] ?? q.text }));
  const keys = qs.map((q) => q.key);
  const given = o.set?.length ? parseSets(o.set, keys) : undefined;
  const before = answersOf(db, p.id);
  const changes = given ?? (await askAll(ctx, qs, before));
  const set: Record<string, string> = {};
  const cleared: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) cleared.push(k);
    else set[k] = v;
  }
  write(db, () => {
    saveAnswers(db, p.id, set, ctx.stamp);
    removeAnswers(db, p.id, cleared);
  });
  const after = answersOf(db, p.id);
  if (ctx.json) ctx.printJson({ id: p.id, answers: after });
  else {
    const answered = keys.filter((k) => after[k]).length;
    ctx.print(
      ctx.t.ui.consultSaved({
        id: p.id,
        name: p.name,
        count: Object.keys(changes).length,
        answered,
        total: keys.length,
      }),
    );
    const open = qs.filter((q) => !after[q.key]);
    // The questions themselves, as the consultant will ask them, not their storage keys.
    if (open.length)
      ctx.print(
        paint.dim([ctx.t.ui.consultStillOpen({ count: open.length }), ...open.map((q) => `  - ${q.text}`)].join('\n')),
      );
  }
  return after;
}

/**
 * With a Chinese input method on, the keys for "<", "." and "-" type 《 or ＜, 。 or ．, and —— or
 * －: they mean the same as the ASCII keys, never an answer.
 */
function consultKey(reply: string): string {
  if (reply === '《' || reply === '＜') return '<';
  if (reply === '。' || reply === '．') return '.';
  if (/^(——?|－)$/.test(reply)) return '-';
  return reply;
}

/** One question at a time: Enter keeps the answer, "<" goes back, "." finishes, "-" clears. */
async function askAll(ctx: Context, qs: Question[], before: Record<string, string>): Promise<Changes> {
  const ask = await ctx.ask();
  const draft: Changes = {};
  ctx.tell(paint.dim(ctx.t.ui.consultKeys));
  for (let i = 0; i < qs.length;) {
    const q = qs[i];
    const current = q.key in draft ? draft[q.key] : before[q.key];
    const reply = consultKey(await ask.text(`${i + 1}/${qs.length} ${q.text}`, { initial: current ?? undefined }));
    if (reply === '<') {
      i = Math.max(0, i - 1);
      continue;
    }
    if (reply === '.') break;
    if (reply === '-') draft[q.key] = null;
    else if (reply !== '' && reply !== before[q.key]) draft[q.key] = reply;
    i++;
  }
  return draft;
}

export const run: Run<'consult'> = (ctx, { id, ...o }) => consult(ctx, id, o);
