// Ticking off or putting off what is due without inventing a contact (SPEC §4 Reminders): a
// thank-you sent from the phone's own WeChat, a birthday greeting, a callback the customer asked
// to move. Everything due for the prospect on the day is handled at once, as the list shows it.
import { addDays, addMonths, birthdayDue, type Day } from './dates.js';
import { lapsed, type LapseContext } from './due.js';
import { DealerError, usage } from './errors.js';
import type { Reminder } from './prospect.js';
import { cadenceDays, type ProspectState, type ReminderDraft } from './schedule.js';
import type { Settings } from './settings.js';
import { effectiveTier } from './tier.js';
import { isTripDuty, tripSnoozeLimit, type TripDates } from './trip.js';

export interface DueState {
  id: number;
  prospect: ProspectState;
  reminders: Reminder[];
  birthday: string | null;
  /** The birthday greeted last (the day of that year's birthday). */
  greeted: Day | null;
  /** Whether one of the organisation's milestones is on the list today (its day, or the day before). */
  milestone?: boolean;
  /** The trip as it stands and the policy's last day: when their calls lapse. */
  trip?: TripDates | null;
  insuranceUntil?: Day | null;
}

const lapseOf = (s: DueState, lapse: number): LapseContext => ({
  lapse,
  trip: s.trip ?? null,
  insuranceUntil: s.insuranceUntil ?? null,
});

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
  const reminders = s.reminders.filter((r) => r.due <= today && !lapsed(r.reason, r.due, today, lapseOf(s, lapse)));
  const bday = s.birthday ? birthdayDue(s.birthday, today, today) : null;
  const birthday = bday !== null && s.greeted !== bday ? bday : null;
  // A milestone (a tender, a funding decision) is information with a date, the customer's, not a
  // duty of ours: nothing to tick off or put off, and it stays on the list for its day as an event
  // in a calendar does. `done` acknowledges it rather than failing while the list shows it.
  const milestone = s.milestone === true;
  if (!callback && reminders.length === 0 && !birthday && !milestone)
    throw new DealerError('nothingDueFor', { id: s.id, today });
  const handled = [
    ...(callback ? ['callback'] : []),
    ...reminders.map((r) => r.reason),
    ...(birthday ? ['birthday'] : []),
    ...(milestone ? ['milestone'] : []),
  ];
  return { callback, reminders, birthday, handled, onlyMilestone: milestone && handled.length === 1 };
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
  // The customer's day cannot be put off by us: it moves only when they move it (people milestone --move-to).
  if (d.onlyMilestone) throw usage('milestoneNotSnoozed', { id: s.id });
  const clear: number[] = [];
  const move: { id: number; due: Day }[] = [];
  const moved = new Set<string>();
  for (const r of d.reminders) {
    // A trip's call has its moment (the notice before departure, a check-in while they are away,
    // the quality call within three days home): put off past it, it would be said moved to a day
    // on which it no longer shows, so it is refused. A moved check-in lapses after its new day.
    const last = isTripDuty(r.reason) ? tripSnoozeLimit(r.reason, r.due, s.trip ?? null) : null;
    // On its last day already, it can only be made or ticked off: "snooze to that day" would be today.
    if (last !== null && to > last && last <= today) throw usage('tripCallToday', { id: s.id, date: to });
    if (last !== null && to > last) throw usage('snoozePastTripCall', { date: to, last });
    // One call of a kind a day: moved onto a day that already has it, the two are one.
    else if (moved.has(r.reason) || s.reminders.some((o) => o.id !== r.id && o.reason === r.reason && o.due === to))
      clear.push(r.id);
    else {
      move.push({ id: r.id, due: to });
      moved.add(r.reason);
    }
  }
  return {
    nextCallback: d.callback ? to : s.prospect.nextCallback,
    clear,
    move,
    add: d.birthday ? [{ reason: 'birthday', due: to, since: d.birthday }] : [],
    greeted: d.birthday,
    handled: d.handled.filter((h) => h !== 'milestone'),
  };
}
