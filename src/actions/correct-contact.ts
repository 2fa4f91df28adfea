// Correcting a past contact: the contact is changed or removed, then the domain plans the
// schedule again from the contacts that remain, and this writes it. Run inside one transaction.
import type { Contact, Prospect } from '../domain/prospect.js';
import { replan } from '../domain/replan.js';
import type { Plan } from '../domain/schedule.js';
import type { Settings } from '../domain/settings.js';
import { applyReminders, contactsOf, deleteContact, remindersOf, updateContact } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { updateProspect } from '../store/prospects.js';
import type { Stamp } from './record-contact.js';

export type Correction = Partial<Pick<Contact, 'date' | 'kind' | 'note' | 'outcome'>>;

/** Applies `change` to the contact (or deletes it when null) and re-plans its prospect. */
export function correctContact(
  db: DB,
  p: Prospect,
  contact: Contact,
  change: Correction | null,
  settings: Settings,
  stamp: Stamp,
): Plan {
  const before = contactsOf(db, p.id);
  if (change === null) deleteContact(db, contact.id);
  else
    updateContact(db, contact.id, {
      date: change.date ?? contact.date,
      kind: change.kind ?? contact.kind,
      note: change.note === undefined ? contact.note : change.note,
      outcome: change.outcome === undefined ? contact.outcome : change.outcome,
      stage: contact.stage,
    });
  const after = contactsOf(db, p.id);
  const plan = replan({
    prospect: { ...p, added: p.created.slice(0, 10) },
    before,
    after,
    reminders: remindersOf(db, p.id),
    settings,
    today: stamp.today,
  });
  updateProspect(
    db,
    p.id,
    { stage: plan.stage, nextCallback: plan.nextCallback },
    { now: stamp.now, day: stamp.today },
  );
  applyReminders(db, p.id, plan.add, plan.clear);
  for (const { id, stage } of plan.restaged) {
    const c = after.find((x) => x.id === id);
    if (c) updateContact(db, id, { ...c, stage });
  }
  return plan;
}
