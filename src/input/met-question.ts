// At a terminal, after a contact with an organisation: whom it met, by name, among its people.
import { splitNames, whoWasMet, type Person } from '../domain/organisation.js';
import type { Messages } from '../i18n/en.js';
import { safe } from '../output/screen.js';
import type { Ask } from './ask.js';

export async function askMet(ask: Ask, t: Messages, people: Person[]): Promise<Person[]> {
  if (people.length === 0) return [];
  const names = people.map((p) => safe(p.name)).join(t.ui.listSeparator);
  const find = (typed: string) => whoWasMet(people, splitNames(typed), 0);
  const answer = await ask.text(t.ui.prompt.metWhom({ names }), {
    validate: (typed) => {
      try {
        find(typed);
        return true;
      } catch {
        return t.ui.prompt.metUnknown({ names });
      }
    },
  });
  return find(answer);
}
