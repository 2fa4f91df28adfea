// At a terminal, after a contact with an organisation: whom it met (or spoke with, on a call or a
// message), by name, among its people.
import { sameName, splitNames, whoWasMet, type Person } from '../domain/organisation.js';
import type { Kind } from '../domain/vocab.js';
import type { Messages } from '../i18n/en.js';
import { safe } from '../output/screen.js';
import type { Ask } from './ask.js';

export async function askMet(ask: Ask, t: Messages, people: Person[], kind: Kind): Promise<Person[]> {
  if (people.length === 0) return [];
  const names = people.map((p) => safe(p.name)).join(t.ui.listSeparator);
  const find = (typed: string) => whoWasMet(people, splitNames(typed), 0);
  // A call or a message meets nobody: it speaks with someone.
  const remote = kind === 'call' || kind === 'sms' || kind === 'wechat' || kind === 'email';
  const question = remote ? t.ui.prompt.spokeWhom : t.ui.prompt.metWhom;
  const answer = await ask.text(question({ names }), {
    validate: (typed) => {
      // Only the names not found are named: the list of everyone is in the question above.
      const unknown = splitNames(typed).filter((n) => !people.some((p) => sameName(p.name, n)));
      if (unknown.length === 0) return true;
      return t.ui.prompt.metUnknown({ names: unknown.map(safe).join(t.ui.listSeparator), known: names });
    },
  });
  return find(answer);
}
