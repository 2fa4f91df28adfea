// Recording a contact: the domain plans what changes (stage, next callback, reminders), this writes
// it. Shared by visit, add-prospect --met, demo and import so a contact means the same thing however it arrives.
// Callers run it inside their write transaction.
import { checkCallback, checkContactDate, checkHold } from '../domain/date-rules.js';
import type { Day } from '../domain/dates.js';
import type { Prospect } from '../domain/prospect.js';
import { planContact, planLost, planWon, type ContactEvent, type Plan } from '../domain/schedule.js';
import type { Settings } from '../domain/settings.js';
import { effectiveTier } from '../domain/tier.js';
import {
  applyReminders,
  greetBirthday,
  hasVisited,
  insertContact,
  latestContact,
  remindersOf,
} from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { updateProspect } from '../store/prospects.js';

export interface Stamp {
  now: string;
  today: Day;
}

export interface ContactRecord extends ContactEvent {
  outcome?: string | null;
  note?: string | null;
  objections?: string[];
}

/** The tier to store: a derived one is brought up to date whenever the prospect is written. */
function storedTier(p: Prospect, today: Day) {
  return p.tierManual || !p.expected ? undefined : effectiveTier(p, today);
}

export function recordContact(
  db: DB,
  p: Prospect,
  c: ContactRecord,
  settings: Settings,
  stamp: Stamp,
): { contactId: number; plan: Plan } {
  checkContactDate(c.date, stamp.today);
  if (c.next !== undefined) checkCallback(c.next, stamp.today);
  checkHold(c.holdUntil, c.stage, c.date, p.stage);
  const plan = planContact({
    prospect: p,
    latest: latestContact(db, p.id)?.date ?? null,
    visitedBefore: hasVisited(db, p.id),
    reminders: remindersOf(db, p.id),
    contact: c,
    settings,
    birthday: p.birthday,
  });
  const contactId = insertContact(db, {
    prospectId: p.id,
    date: c.date,
    kind: c.kind,
    outcome: c.outcome ?? null,
    note: c.note ?? null,
    stage: plan.stage,
    objections: c.objections ?? [],
    created: stamp.now,
  });
  updateProspect(
    db,
    p.id,
    { stage: plan.stage, tier: storedTier(p, stamp.today), nextCallback: plan.nextCallback },
    { now: stamp.now, day: c.date },
  );
  applyReminders(db, p.id, plan.add, plan.clear);
  if (plan.greeted) greetBirthday(db, p.id, plan.greeted);
  return { contactId, plan };
}

export function closeWon(db: DB, p: Prospect, date: Day, settings: Settings, stamp: Stamp): Plan {
  checkContactDate(date, stamp.today);
  const plan = planWon(p, remindersOf(db, p.id), date, settings);
  updateProspect(
    db,
    p.id,
    { stage: 'won', wonOn: date, lostReason: null, lostOn: null, nextCallback: plan.nextCallback },
    { now: stamp.now, day: date },
  );
  applyReminders(db, p.id, plan.add, plan.clear);
  return plan;
}

export function closeLost(db: DB, p: Prospect, date: Day, reason: string, stamp: Stamp): Plan {
  checkContactDate(date, stamp.today);
  const plan = planLost(p, remindersOf(db, p.id));
  updateProspect(
    db,
    p.id,
    { stage: 'lost', lostReason: reason, lostOn: date, nextCallback: null },
    { now: stamp.now, day: date },
  );
  applyReminders(db, p.id, plan.add, plan.clear);
  return plan;
}
