// What happened on a contact, asked at a terminal: `dealer visit <id>` with no flags, and the "done"
// answer of `today --work`. Closing (won/lost) is not offered: it has its own command and reason.
import type { Prospect } from '../domain/prospect.js';
import { isClosing, STAGES, type Kind, type Stage } from '../domain/vocab.js';
import { contactKinds, type Trade } from '../domain/trade.js';
import { withTrade } from '../output/trade.js';
import type { Messages } from '../i18n/en.js';
import type { Ask } from './ask.js';

export interface ContactAnswers {
  kind: Kind;
  /** Only when it changed. */
  stage?: Stage;
  outcome?: string;
  note?: string;
}

/** `trade` is the prospect's own or, without one, the book's: its kinds of contact and its stage names. */
export async function askContact(ask: Ask, t: Messages, p: Prospect, trade: Trade): Promise<ContactAnswers> {
  const q = t.ui.prompt;
  const words = withTrade(t, trade).word;
  const kind = await ask.choose(
    q.kind,
    contactKinds(trade).map((k) => ({ value: k, name: words.kind[k] })),
    'call',
  );
  const outcome = await ask.text(q.outcome);
  const note = await ask.text(q.note);
  const open = STAGES.filter((s) => !isClosing(s));
  const stage = await ask.choose(
    q.stage,
    open.map((s) => ({ value: s, name: words.stage[s] })),
    isClosing(p.stage) ? 'follow-up' : p.stage,
  );
  return { kind, outcome: outcome || undefined, note: note || undefined, stage: stage === p.stage ? undefined : stage };
}
