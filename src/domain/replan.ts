// Correcting a past contact (`dealer contact edit|delete`): the schedule is planned again as if
// the contacts had been recorded right. The stage follows the latest contact, the next callback
// one cadence after it, and the first visit's thank-you is owed as the remaining contacts say.
import { addDays, type Day } from './dates.js';
import { lapsed } from './due.js';
import type { Contact, Reminder } from './prospect.js';
import { cadenceDays, MESSAGE_KINDS, stageAfter, type Plan, type ProspectState, type ReminderDraft } from './schedule.js';
import type { Settings } from './settings.js';
import { effectiveTier } from './tier.js';
import type { Kind, Stage } from './vocab.js';

const byDate = (a: Contact, b: Contact) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id);

/**
 * The stage an edited contact carries: one the contact moved to by its kind follows the new kind;
 * one given by hand (`--stage`) stays.
 */
export function editedStage(before: Stage, old: Contact, kind: Kind): Stage {
  const implied = old.stage === stageAfter(before, old.kind);
  return implied ? stageAfter(before, kind) : (old.stage ?? stageAfter(before, kind));
}

/** The thank-you the contacts leave owed: after the first visit, until a message on or after its day. */
export function owedThankYou(contacts: Contact[], today: Day, lapse: number): ReminderDraft | null {
  const sorted = [...contacts].sort(byDate);
  const first = sorted.find((c) => c.kind === 'showroom' || c.kind === 'visit');
  if (!first) return null;
  const due = addDays(first.date, 1);
  if (sorted.some((c) => MESSAGE_KINDS.includes(c.kind) && c.date >= due)) return null;
  if (lapsed('thank-you', due, today, lapse)) return null;
  return { reason: 'thank-you', due, since: first.date };
}

export function replan(input: {
  prospect: ProspectState & { added: Day };
  before: Contact[];
  after: Contact[];
  reminders: Reminder[];
  settings: Settings;
  today: Day;
}): Plan {
  const { prospect: p, settings, today } = input;
  const before = [...input.before].sort(byDate);
  const after = [...input.after].sort(byDate);
  const latest = after.at(-1);
  const closed = p.stage === 'lost' || p.stage === 'won';
  const stage: Stage = closed ? p.stage : (latest?.stage ?? 'new');
  const tier = effectiveTier(p, today);

  // The callback booked after the latest contact stands (it may have been chosen with --next)
  // unless the correction changed which contact is latest or when it was.
  const was = before.at(-1);
  const sameLatest = was && latest && was.id === latest.id && was.date === latest.date;
  let nextCallback: Day | null;
  if (p.stage === 'lost') nextCallback = null;
  else if (sameLatest) nextCallback = p.nextCallback;
  else if (latest) nextCallback = addDays(latest.date, cadenceDays(settings, p.kind, stage, tier));
  else nextCallback = addDays(p.added, settings.cadence.new);

  const oldOwed = owedThankYou(before, today, settings.lapse);
  const newOwed = owedThankYou(after, today, settings.lapse);
  const clear: number[] = [];
  const add: ReminderDraft[] = [];
  if (oldOwed?.due !== newOwed?.due) {
    for (const r of input.reminders) if (r.reason === 'thank-you' && r.since === oldOwed?.since) clear.push(r.id);
    if (newOwed) add.push(newOwed);
  }
  return { stage, tier, nextCallback, add, clear };
}
