// A script topic as it reads for one prospect: `script <topic> --for <id>` and the cards of
// `today --work` fill in the same form of address (王先生), model, the day they came in (昨天),
// answers, objections, and the advice for their customer type first.
import { typeAdvice } from '../domain/customer-type.js';
import type { Day } from '../domain/dates.js';
import type { Prospect } from '../domain/prospect.js';
import { salutationOf } from '../domain/salutation.js';
import { personalise, spokenDay, visitedOn, type Placeholder, type ShownTopic, type Topic } from '../domain/script.js';
import { answersOf } from '../store/answers.js';
import { contactsOf, objectionsOf, remindersOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { readSettings } from '../store/settings.js';

/** The words a personalised script needs from the catalogue, in the user's language. */
export interface ScriptWords {
  lang: string;
  today: Day;
  blanks: Record<Placeholder, string>;
  days: { today: string; yesterday: string; dayBefore: string; earlier: string };
  typeTitle: (p: { input: string }) => string;
  /** The customer-types sheet, whose lines lead a script for a prospect of known type. */
  types?: Topic;
}

export function scriptFor(db: DB, topic: Topic, p: Prospect | undefined, w: ScriptWords): ShownTopic {
  const settings = readSettings(db);
  const visited = p ? visitedOn(remindersOf(db, p.id), contactsOf(db, p.id)) : undefined;
  const answers = p ? answersOf(db, p.id) : {};
  return personalise(topic, {
    values: {
      // In messages and scripts a customer is 王先生, not 王建国.
      name: p && salutationOf(p, w.lang),
      interest: p?.interest ?? undefined,
      me: settings.consultant,
      store: settings.store,
      visited: visited && spokenDay(visited, w.today, w.days),
    },
    blanks: w.blanks,
    answers,
    objections: p ? objectionsOf(db, p.id) : [],
    // What kind of customer this is leads every script for them (篇1: R1-R4, S1-S4).
    lead: typeAdvice(w.types, answers, w.typeTitle({ input: [answers.readiness, answers.style].filter(Boolean).join(' · ') })),
  });
}
