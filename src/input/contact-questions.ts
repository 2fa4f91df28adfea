// What happened on a contact, asked at a terminal: `dealer visit <id>` with no flags, and the "done"
// answer of `today --work`. Closing (won/lost) is not offered: it has its own command and reason.
import type { Prospect } from '../domain/prospect.js';
import { isClosing, KINDS, STAGES, type Kind, type Stage } from '../domain/vocab.js';
import type { Messages } from '../i18n/en.js';
import type { Ask } from './ask.js';

export interface ContactAnswers {
  kind: Kind;
  /** Only when it changed. */
  stage?: Stage;
  outcome?: string;
  note?: string;
}

export async function askContact(ask: Ask, t: Messages, p: Prospect): Promise<ContactAnswers> {
  const q = t.ui.prompt;
  const kind = await ask.choose(
    q.kind,
    KINDS.map((k) => ({ value: k, name: t.word.kind[k] })),
    'call',
  );
  const outcome = await ask.text(q.outcome);
  const note = await ask.text(q.note);
  const open = STAGES.filter((s) => !isClosing(s));
  const stage = await ask.choose(
    q.stage,
    open.map((s) => ({ value: s, name: t.word.stage[s] })),
    isClosing(p.stage) ? 'follow-up' : p.stage,
  );
  return { kind, outcome: outcome || undefined, note: note || undefined, stage: stage === p.stage ? undefined : stage };
}
