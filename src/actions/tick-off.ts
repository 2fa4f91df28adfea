// `dealer done` and `dealer snooze`: the domain plans what happens to everything due for one
// prospect today, this writes it. Callers run it inside their write transaction.
import type { DuePlan, DueState } from '../domain/done.js';
import type { Prospect } from '../domain/prospect.js';
import { applyReminders, birthdayGreeted, greetBirthday, moveReminders, remindersOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { updateProspect } from '../store/prospects.js';
import type { Stamp } from './record-contact.js';

export function dueStateOf(db: DB, p: Prospect): DueState {
  return {
    id: p.id,
    prospect: p,
    reminders: remindersOf(db, p.id),
    birthday: p.birthday,
    greeted: birthdayGreeted(db, p.id),
  };
}

export function applyDuePlan(db: DB, p: Prospect, plan: DuePlan, stamp: Stamp): void {
  if (plan.nextCallback !== p.nextCallback)
    updateProspect(db, p.id, { nextCallback: plan.nextCallback }, { now: stamp.now, day: stamp.today });
  applyReminders(db, p.id, plan.add, plan.clear);
  moveReminders(db, plan.move);
  if (plan.greeted) greetBirthday(db, p.id, plan.greeted);
}
