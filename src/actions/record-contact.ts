// Recording a contact: the domain plans what changes (stage, next callback, reminders), this writes
// it. Shared by visit, add-prospect --met, demo and import so a contact means the same thing however it arrives.
// Callers run it inside their write transaction.
import { checkCallback, checkContactDate, checkDepositTerms } from '../domain/date-rules.js';
import type { Day } from '../domain/dates.js';
import { dealAfterContact, type OrderTerms } from '../domain/deal.js';
import { thanksForPurchase } from '../domain/referral.js';
import type { Prospect } from '../domain/prospect.js';
import { birthdayAround } from './lunar.js';
import { planContact, planLost, planWon, type ContactEvent, type Plan } from '../domain/schedule.js';
import type { Settings } from '../domain/settings.js';
import { effectiveTier } from '../domain/tier.js';
import {
  applyReminders,
  greetBirthday,
  hasVisited,
  insertContact,
  latestContactDay,
  remindersOf,
} from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { getDeal, saveDeal } from '../store/deals.js';
import { linkPeople } from '../store/people.js';
import { getProspect, updateProspect } from '../store/prospects.js';

export interface Stamp {
  now: string;
  today: Day;
}

export interface ContactRecord extends ContactEvent {
  /** The number the contact had in an exported file. */
  id?: number;
  outcome?: string | null;
  note?: string | null;
  objections?: string[];
  /** Whom the contact met at an organisation: its people's ids (`visit --with`, the question after). */
  met?: readonly number[];
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
): { contactId: number; plan: Plan; after: Prospect } {
  checkContactDate(c.date, stamp.today);
  if (c.next !== undefined) checkCallback(c.next, stamp.today);
  checkDepositTerms(c, p.stage);
  const plan = planContact({
    prospect: p,
    latest: latestContactDay(db, p.id) ?? null,
    visitedBefore: hasVisited(db, p.id),
    reminders: remindersOf(db, p.id),
    contact: c,
    settings,
    birthday: birthdayAround(p, c.date),
  });
  const contactId = insertContact(
    db,
    {
      prospectId: p.id,
      date: c.date,
      kind: c.kind,
      outcome: c.outcome ?? null,
      note: c.note ?? null,
      // History keeps the stage its file gave (or none): the prospect's today is not that contact's.
      stage: c.history ? (c.stage ?? null) : plan.stage,
      objections: c.objections ?? [],
      created: c.history ? `${c.date} 00:00:00` : stamp.now,
    },
    c.id,
  );
  if (c.met?.length) linkPeople(db, contactId, c.met);
  const tier = storedTier(p, stamp.today);
  const changed = plan.stage !== p.stage || (tier ?? p.tier) !== p.tier || plan.nextCallback !== p.nextCallback;
  // A contact from history that changes nothing leaves the prospect's row (and its `updated`) alone.
  if (changed || !c.history) {
    updateProspect(
      db,
      p.id,
      { stage: plan.stage, tier, nextCallback: plan.nextCallback },
      { now: stamp.now, day: c.date },
    );
  }
  applyReminders(db, p.id, plan.add, plan.clear);
  if (plan.greeted) greetBirthday(db, p.id, plan.greeted);
  const deal = dealAfterContact(p.deal, p.stage, plan.stage, c);
  if (deal) saveDeal(db, p.id, deal);
  // What was just written, so a caller recording many contacts need not read the prospect back.
  const after = {
    ...p,
    stage: plan.stage,
    tier: tier ?? p.tier,
    nextCallback: plan.nextCallback,
    deal: deal ? getDeal(db, p.id) : p.deal,
  };
  if (changed || !c.history) after.updated = stamp.now;
  return { contactId, plan, after };
}

export function closeWon(
  db: DB,
  p: Prospect,
  date: Day,
  settings: Settings,
  stamp: Stamp,
  order: OrderTerms = {},
): Plan {
  checkContactDate(date, stamp.today);
  const plan = planWon(p, remindersOf(db, p.id), date, settings, order);
  updateProspect(
    db,
    p.id,
    { stage: 'won', wonOn: date, lostReason: null, lostOn: null, nextCallback: plan.nextCallback },
    { now: stamp.now, day: date },
  );
  applyReminders(db, p.id, plan.add, plan.clear);
  saveDeal(db, p.id, order);
  // The friend who sent them hears it and is thanked again (issue 13).
  if (p.referredBy && getProspect(db, p.referredBy)) applyReminders(db, p.referredBy, [thanksForPurchase(date)], []);
  return plan;
}

/** `refund`: the deposit was handed back (`lost --refund`), so it no longer counts as taken. */
export function closeLost(db: DB, p: Prospect, date: Day, reason: string, stamp: Stamp, refund = false): Plan {
  checkContactDate(date, stamp.today);
  const plan = planLost(p, remindersOf(db, p.id));
  updateProspect(
    db,
    p.id,
    { stage: 'lost', lostReason: reason, lostOn: date, nextCallback: null },
    { now: stamp.now, day: date },
  );
  applyReminders(db, p.id, plan.add, plan.clear);
  if (refund && p.deal?.depositOn && !p.deal.refundedOn) saveDeal(db, p.id, { refundedOn: date });
  return plan;
}
