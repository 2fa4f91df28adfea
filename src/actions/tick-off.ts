// `dealer done` and `dealer snooze`: the domain plans what happens to everything due for one
// prospect today, this writes it. Callers run it inside their write transaction.
import { addDays, type Day } from '../domain/dates.js';
import { MILESTONE_NOTICE } from '../domain/organisation.js';
import { planDone, planSnooze, type DuePlan, type DueState } from '../domain/done.js';
import type { Prospect } from '../domain/prospect.js';
import { tripDatesOf } from '../domain/trip.js';
import type { Settings } from '../domain/settings.js';
import { applyReminders, birthdayGreeted, greetBirthday, moveReminders, remindersOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { hasMilestoneBetween } from '../store/people.js';
import { updateProspect } from '../store/prospects.js';
import { birthdayAround } from './lunar.js';
import type { Stamp } from './record-contact.js';

export function dueStateOf(db: DB, p: Prospect, today: Day): DueState {
  return {
    id: p.id,
    prospect: p,
    reminders: remindersOf(db, p.id),
    birthday: birthdayAround(p, today),
    greeted: birthdayGreeted(db, p.id),
    // As the morning list shows it: an organisation's, not lost, on its day or the day before.
    milestone: p.kind === 'org' && p.stage !== 'lost' && hasMilestoneBetween(db, p.id, today, addDays(today, MILESTONE_NOTICE)),
    trip: tripDatesOf(p),
    insuranceUntil: p.deal?.insuranceUntil ?? null,
  };
}

export function applyDuePlan(db: DB, p: Prospect, plan: DuePlan, stamp: Stamp): void {
  if (plan.nextCallback !== p.nextCallback)
    updateProspect(db, p.id, { nextCallback: plan.nextCallback }, { now: stamp.now, day: stamp.today });
  applyReminders(db, p.id, plan.add, plan.clear);
  moveReminders(db, plan.move);
  if (plan.greeted) greetBirthday(db, p.id, plan.greeted);
}

/** `dealer done <id>`: everything due for the prospect today ticked off, no contact invented. */
export function tickOff(db: DB, p: Prospect, settings: Settings, stamp: Stamp): DuePlan {
  const plan = planDone(dueStateOf(db, p, stamp.today), stamp.today, settings);
  applyDuePlan(db, p, plan, stamp);
  return plan;
}

/** `dealer snooze <id> <date>`: everything due for the prospect today moved to `to`. */
export function snoozeDue(db: DB, p: Prospect, to: Day, settings: Settings, stamp: Stamp): DuePlan {
  const plan = planSnooze(dueStateOf(db, p, stamp.today), stamp.today, to, settings);
  applyDuePlan(db, p, plan, stamp);
  return plan;
}
