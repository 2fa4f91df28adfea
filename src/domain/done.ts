// Ticking off or putting off what is due without inventing a contact (SPEC §4 Reminders): a
// thank-you sent from the phone's own WeChat, a birthday greeting, a callback the customer asked
// to move. Everything due for the prospect on the day is handled at once, as the list shows it.
import { addDays, addMonths, type Day } from './dates.js';
import { birthdayDue, lapsed } from './due.js';
import { DealerError, usage } from './errors.js';
import type { Reminder } from './prospect.js';
import { cadenceDays, type ProspectState, type ReminderDraft } from './schedule.js';
import type { Settings } from './settings.js';
import { effectiveTier } from './tier.js';

export interface DueState {
  id: number;
  prospect: ProspectState;
  reminders: Reminder[];
  birthday: string | null;
  /** The birthday greeted last (the day of that year's birthday). */
  greeted: Day | null;
}

export interface DuePlan {
  nextCallback: Day | null;
  clear: number[];
  /** Reminders moved to a later day. */
  move: { id: number; due: Day }[];
  add: ReminderDraft[];
  /** This year's birthday, now greeted. */
  greeted: Day | null;
  /** What was due, for the confirmation. */
  handled: string[];
}

function dueNow(s: DueState, today: Day, lapse: number) {
  const callback = s.prospect.stage !== 'lost' && s.prospect.nextCallback !== null && s.prospect.nextCallback <= today;
  const reminders = s.reminders.filter((r) => r.due <= today && !lapsed(r.reason, r.due, today, lapse));
  const bday = s.birthday ? birthdayDue(s.birthday, today, today) : null;
  const birthday = bday !== null && s.greeted !== bday ? bday : null;
  if (!callback && reminders.length === 0 && !birthday) throw new DealerError('nothingDueFor', { id: s.id, today });
  const handled = [
    ...(callback ? ['callback'] : []),
    ...reminders.map((r) => r.reason),
    ...(birthday ? ['birthday'] : []),
  ];
  return { callback, reminders, birthday, handled };
}

/** `dealer done`: reminders cleared, a due callback one cadence on from today, the birthday greeted. */
export function planDone(s: DueState, today: Day, settings: Settings): DuePlan {
  const d = dueNow(s, today, settings.lapse);
  const p = s.prospect;
  return {
    nextCallback: d.callback
      ? addDays(today, cadenceDays(settings, p.kind, p.stage, effectiveTier(p, today), p.trade))
      : p.nextCallback,
    clear: d.reminders.map((r) => r.id),
    move: [],
    // The anniversary comes round every year, however it was greeted.
    add: d.reminders
      .filter((r) => r.reason === 'anniversary')
      .map((r) => ({ reason: 'anniversary' as const, due: addMonths(r.due, 12), since: today })),
    greeted: d.birthday,
    handled: d.handled,
  };
}

/** `dealer snooze`: everything due today moves to a later day; a birthday becomes a reminder then. */
export function planSnooze(s: DueState, today: Day, to: Day, settings: Settings): DuePlan {
  if (to <= today) throw usage('snoozeNotAhead', { date: to, today });
  const d = dueNow(s, today, settings.lapse);
  return {
    nextCallback: d.callback ? to : s.prospect.nextCallback,
    clear: [],
    move: d.reminders.map((r) => ({ id: r.id, due: to })),
    add: d.birthday ? [{ reason: 'birthday', due: to, since: d.birthday }] : [],
    greeted: d.birthday,
    handled: d.handled,
  };
}
