// A script topic as it reads for one prospect: `script <topic> --for <id>` and the cards of
// `today --work` fill in the same name, model, answers and objections.
import type { Prospect } from '../domain/prospect.js';
import { personalise, type Placeholder, type ShownTopic, type Topic } from '../domain/script.js';
import { answersOf } from '../store/answers.js';
import { objectionsOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { readSettings } from '../store/settings.js';

export function scriptFor(
  db: DB,
  topic: Topic,
  p: Prospect | undefined,
  blanks: Record<Placeholder, string>,
): ShownTopic {
  const settings = readSettings(db);
  return personalise(topic, {
    values: { name: p?.name, interest: p?.interest ?? undefined, me: settings.consultant, store: settings.store },
    blanks,
    answers: p ? answersOf(db, p.id) : {},
    objections: p ? objectionsOf(db, p.id) : [],
  });
}
