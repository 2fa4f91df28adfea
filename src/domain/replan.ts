// Correcting a past contact (`dealer contact edit|delete`): the schedule is planned again as if
// the contacts had been recorded right. The stage follows the latest contact, the next callback
// one cadence after it, and the first visit's thank-you is owed as the remaining contacts say.
import { addDays, daysBetween, type Day } from './dates.js';
import { lapsed } from './due.js';
import type { Contact, Reminder } from './prospect.js';
import {
  cadenceDays,
  MESSAGE_KINDS,
  stageAfter,
  type Plan,
  type ProspectState,
  type ReminderDraft,
} from './schedule.js';
import type { Settings } from './settings.js';
import { effectiveTier } from './tier.js';
import { isClosing, isCustomer, type Stage } from './vocab.js';

const byDate = (a: Contact, b: Contact) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id);

/**
 * The stage each contact leaves the prospect at, replayed in date order: a stage given by hand
 * (`--stage`, or one its kind did not imply) stays; one its kind implied follows the contacts now
 * before it. Given-ness is read from the contacts as they were.
 */
export function restage(before: Contact[], after: Contact[]): Map<number, Stage> {
  const given = new Set<number>();
  let prev: Stage = 'new';
  for (const c of [...before].sort(byDate)) {
    const implied = stageAfter(prev, c.kind);
    if (c.stage && c.stage !== implied) given.add(c.id);
    prev = c.stage ?? implied;
  }
  const stages = new Map<number, Stage>();
  prev = 'new';
  for (const c of [...after].sort(byDate)) {
    prev = given.has(c.id) && c.stage ? c.stage : stageAfter(prev, c.kind);
    stages.set(c.id, prev);
  }
  return stages;
}

/** The thank-you the contacts leave owed: after the first visit, until a message on or after its day. */
export function owedThankYou(contacts: Contact[], today: Day, lapse: number): ReminderDraft | null {
  const sorted = [...contacts].sort(byDate);
  const first = sorted.find((c) => c.kind === 'showroom' || c.kind === 'visit');
  if (!first) return null;
  const due = addDays(first.date, 1);
  if (sorted.some((c) => MESSAGE_KINDS.includes(c.kind) && c.date >= due)) return null;
  if (lapsed('thank-you', due, today, { lapse })) return null;
  return { reason: 'thank-you', due, since: first.date };
}

/** Deadlines a deposit contact set (absolute days): they stay, but belong to that contact. */
const DEPOSIT_MADE: readonly Reminder['reason'][] = ['deposit-expiry', 'top-up'];
/** Duties counted from a hand-over: they move with the delivery contact by as many days. */
const DELIVERY_MADE: readonly Reminder['reason'][] = ['delivery-check', 'first-service', 'anniversary'];

/**
 * The reminders a contact made itself (a deposit's expiry and top-up, a delivery's check-up and
 * after-sales duties) follow that contact: removed with it, moved with it, dropped when it no longer
 * is a delivery or the prospect no longer holds a deposit. The ones a deal made (`won`) are the
 * deal's, and stay.
 */
export function followContacts(
  before: Contact[],
  after: Contact[],
  reminders: Reminder[],
  stage: Stage,
): { add: ReminderDraft[]; clear: number[] } {
  const add: ReminderDraft[] = [];
  const clear: number[] = [];
  const now = new Map(after.map((c) => [c.id, c]));
  const doneBy = (due: Day) => after.some((c) => c.date >= due);
  for (const r of reminders) {
    const delivery = DELIVERY_MADE.includes(r.reason);
    if (!delivery && !DEPOSIT_MADE.includes(r.reason)) continue;
    const makers = before.filter((c) => c.date === r.since && (!delivery || c.kind === 'delivery'));
    const maker = makers.find((c) => delivery || c.stage === 'deposit') ?? makers[0];
    if (!maker) {
      if (!delivery && stage !== 'deposit') clear.push(r.id);
      continue;
    }
    const moved = now.get(maker.id);
    if (delivery) {
      if (moved?.kind === 'delivery' && moved.date === maker.date) continue;
      clear.push(r.id);
      if (moved?.kind !== 'delivery') continue;
      const due = addDays(r.due, daysBetween(maker.date, moved.date));
      if (r.reason !== 'delivery-check' || !doneBy(due)) add.push({ reason: r.reason, due, since: moved.date });
    } else {
      if (moved && moved.date === maker.date && stage === 'deposit') continue;
      clear.push(r.id);
      if (moved && stage === 'deposit' && moved.date <= r.due)
        add.push({ reason: r.reason, due: r.due, since: moved.date });
    }
  }
  // A contact corrected into a delivery owes the check-up a delivery owes.
  for (const c of after) {
    const was = before.find((b) => b.id === c.id);
    if (c.kind !== 'delivery' || was?.kind === 'delivery') continue;
    const due = addDays(c.date, 7);
    if (!doneBy(due)) add.push({ reason: 'delivery-check', due, since: c.date });
  }
  return { add, clear };
}

export function replan(input: {
  /** `wonOn`: a customer's callbacks count from the deal, not from a contact before it. */
  prospect: ProspectState & { added: Day; wonOn?: Day | null };
  before: Contact[];
  after: Contact[];
  reminders: Reminder[];
  settings: Settings;
  today: Day;
}): Plan & { restaged: { id: number; stage: Stage }[] } {
  const { prospect: p, settings, today } = input;
  const before = [...input.before].sort(byDate);
  const after = [...input.after].sort(byDate);
  const latest = after.at(-1);
  // A stage set by won, lost, edit or classify (not the one the contacts led to) is kept.
  const was = before.at(-1);
  const byContacts = p.stage === (was?.stage ?? 'new') && !isClosing(p.stage);
  const stages = restage(before, after);
  const restaged = after.flatMap((c) => {
    const stage = stages.get(c.id);
    return stage !== undefined && stage !== c.stage ? [{ id: c.id, stage }] : [];
  });
  const stage: Stage = !byContacts ? p.stage : ((latest && stages.get(latest.id)) ?? 'new');
  const tier = effectiveTier(p, today);

  // The callback booked after the latest contact stands (it may have been chosen with --next)
  // unless the correction changed which contact is latest or when it was.
  const sameLatest = was && latest && was.id === latest.id && was.date === latest.date;
  let nextCallback: Day | null;
  if (p.stage === 'lost') nextCallback = null;
  else if (sameLatest) nextCallback = p.nextCallback;
  else if (p.wonOn && isCustomer(stage) && (!latest || latest.date <= p.wonOn))
    nextCallback = addDays(p.wonOn, cadenceDays(settings, p.kind, stage, tier, p.trade));
  else if (latest) nextCallback = addDays(latest.date, cadenceDays(settings, p.kind, stage, tier, p.trade));
  else nextCallback = addDays(p.added, settings.cadence.new);

  const oldOwed = owedThankYou(before, today, settings.lapse);
  const newOwed = owedThankYou(after, today, settings.lapse);
  const clear: number[] = [];
  const add: ReminderDraft[] = [];
  if (oldOwed?.due !== newOwed?.due) {
    for (const r of input.reminders) if (r.reason === 'thank-you' && r.since === oldOwed?.since) clear.push(r.id);
    if (newOwed) add.push(newOwed);
  }
  const followed = followContacts(before, after, input.reminders, stage);
  add.push(...followed.add);
  clear.push(...followed.clear);
  return { stage, tier, nextCallback, add, clear, restaged };
}
