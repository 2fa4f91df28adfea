// A customer's trip (travel, 篇5) plans the calls around it: the departure notice a few days
// before (with a birthday on the road told to the guide then), the balance on the day the
// contract names, a check-in every other day while they are away, and the quality call within
// three days of coming home. Pure rules: the clock is the `today` passed in.
import { addDays, birthdayDue, daysBetween, LAST_DAY, type Day } from './dates.js';
import { usage } from './errors.js';
import type { Reminder } from './prospect.js';
import type { ReminderDraft } from './schedule.js';
import type { Stage } from './vocab.js';

export interface Trip {
  departs: Day;
  returns: Day;
  /** The balance's due date, as the contract states it (篇5: 合同备注尾款支付日期); none: paid in full. */
  balanceDue: Day | null;
}

export type TripDates = Pick<Trip, 'departs' | 'returns'>;

/** The reminders a trip owns (the `today --json` reasons of SPEC §4); every "is this a trip's" asks here. */
export const TRIP_DUTIES = ['trip-prep', 'balance-due', 'trip-check', 'trip-return'] as const;
export type TripDuty = (typeof TRIP_DUTIES)[number];

export const isTripDuty = (reason: string): reason is TripDuty => TRIP_DUTIES.some((d) => d === reason);

/** Days before departure for the call that confirms names, needs and the departure notice. */
const CONFIRM_LEAD = 3;
/** 篇5: during the trip, a message or call every other day (隔天). */
export const CHECK_IN_EVERY = 2;
/**
 * 篇5 asks for a call during the trip to hear all is well, every other day: for a tour of a week or
 * two. A long stay (a study trip, a season abroad) is not rung every other day for months: after
 * the first two weeks, once a week, and never more than ten calls in all.
 */
export const CHECK_IN_DAILY_SPAN = 14;
export const CHECK_IN_WEEKLY = 7;
const MAX_CHECK_INS = 10;
/** 篇5: the quality call is made within three days of coming home; it is planned for the first. */
const REVIEW_WITHIN = 3;
/**
 * The longest trip dealer plans: a year. Past it the dates are a typo (`2199` for `2026`), and
 * every-other-day check-ins would fill the book with thousands of calls.
 */
const MAX_TRIP_DAYS = 365;

/** What the flags said, when the dates came from them: a refusal names `+2y` with the day it meant. */
type TypedTrip = { departs?: string; returns?: string };

const shown = (day: Day, typed: string | undefined): string =>
  typed === undefined || typed.trim() === day ? day : `${typed.trim()} (${day})`;

/**
 * The trip as the flags and the stored row make it. Both dates or neither: half a trip plans
 * nothing sensible. Coming home before leaving, a trip longer than a year and a return too late
 * for its quality call to be kept are refused, naming the dates as typed.
 */
export function checkTrip(departs: Day | null, returns: Day | null, typed: TypedTrip = {}): void {
  if ((departs === null) !== (returns === null)) throw usage('tripHalf');
  if (departs === null || returns === null) return;
  const as = { departs: shown(departs, typed.departs), returns: shown(returns, typed.returns) };
  if (returns < departs) throw usage('tripBackwards', as);
  if (daysBetween(departs, returns) > MAX_TRIP_DAYS) throw usage('tripTooLong', { ...as, max: MAX_TRIP_DAYS });
  if (returns > LAST_RETURN) throw usage('tripTooLate', { returns: as.returns, last: LAST_RETURN });
}

/** A prospect's trip, when both its dates are set: what lapses its calls and holds a birthday. */
export function tripDatesOf(p: { departs: Day | null; returns: Day | null }): TripDates | null {
  return p.departs && p.returns ? { departs: p.departs, returns: p.returns } : null;
}

/** The last return whose quality call still falls within the dates dealer keeps. */
const LAST_RETURN: Day = addDays(LAST_DAY, -REVIEW_WITHIN);

/**
 * The last day a trip duty is worth doing; null: chased until done. The one lapse rule for a trip's
 * calls: the plan drops what has passed by it, the morning list hides it, snooze may not pass it.
 * `due` is the reminder's own day (a check-in is for its day); `trip` the prospect's dates now.
 */
export function tripDutyLastDay(reason: TripDuty, due: Day, trip: TripDates | null): Day | null {
  switch (reason) {
    // The notice is given before they leave; once they are gone it is too late.
    case 'trip-prep':
      return trip ? addDays(trip.departs, -1) : due;
    // The next check-in is planned two days on: a missed one gives way to it.
    case 'trip-check':
      return due;
    case 'trip-return':
      return trip ? addDays(trip.returns, REVIEW_WITHIN) : addDays(due, REVIEW_WITHIN - 1);
    // Money owed is chased until it is paid, however late.
    case 'balance-due':
      return null;
  }
}

/**
 * The last day a trip duty may be put off to. A check-in lapses after its own day, but snoozed it is
 * a call moved within the trip (the customer busy today): up to the day before they come home.
 */
export function tripSnoozeLimit(reason: TripDuty, due: Day, trip: TripDates | null): Day | null {
  if (reason === 'trip-check' && trip) {
    const last = addDays(trip.returns, -1);
    return last > trip.departs ? last : trip.departs;
  }
  return tripDutyLastDay(reason, due, trip);
}

/** The day of a birthday (`MM-DD` or `YYYY-MM-DD`) falling within the trip, if one does. */
export function birthdayOnTrip(birthday: string | null, trip: TripDates): Day | null {
  return birthday ? birthdayDue(birthday, trip.departs, trip.returns) : null;
}

/**
 * The check-in days: every other day from the day after departure, then weekly past the first two
 * weeks, before the return; at least one, at most MAX_CHECK_INS.
 */
export function checkInDays(trip: TripDates): Day[] {
  const days: Day[] = [];
  for (let offset = 1; days.length < MAX_CHECK_INS; ) {
    const d = addDays(trip.departs, offset);
    if (d >= trip.returns) break;
    days.push(d);
    offset += offset + CHECK_IN_EVERY <= CHECK_IN_DAILY_SPAN ? CHECK_IN_EVERY : CHECK_IN_WEEKLY;
  }
  // A trip of a night or a day: still one call, on the day they leave, to hear they arrived well.
  return days.length ? days : [trip.departs];
}

type Duty = { reason: TripDuty; due: Day };

/** Every call the dates plan, as planned on the day the trip was booked: nothing dropped or moved. */
function duties(trip: Trip | null, balanceDue: Day | null): Duty[] {
  const all: Duty[] = [];
  if (trip) {
    all.push({ reason: 'trip-prep', due: addDays(trip.departs, -CONFIRM_LEAD) });
    all.push(...checkInDays(trip).map((d) => ({ reason: 'trip-check' as const, due: d })));
    all.push({ reason: 'trip-return', due: addDays(trip.returns, 1) });
  }
  // A balance without a trip is still chased.
  if (balanceDue) all.push({ reason: 'balance-due', due: balanceDue });
  return all;
}

/**
 * What of a plan is still worth doing on `today`: a duty past its last day is dropped (a check-in for
 * a day gone); a notice late but still useful is due today. A balance keeps its day, so one already
 * owed shows overdue.
 */
function fromToday(plan: Duty[], trip: TripDates | null, today: Day): ReminderDraft[] {
  return plan
    .filter((r) => {
      const last = tripDutyLastDay(r.reason, r.due, trip);
      return last === null || last >= today;
    })
    .map((r) => ({ reason: r.reason, due: r.reason !== 'balance-due' && r.due < today ? today : r.due, since: today }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** The trip's reminders from `today` on. */
export function tripReminders(trip: Trip, today: Day): ReminderDraft[] {
  return fromToday(duties(trip, trip.balanceDue), trip, today);
}

type Dates = { departs: Day | null; returns: Day | null; balanceDue: Day | null };
const tripOf = (d: Dates): Trip | null =>
  d.departs && d.returns ? { departs: d.departs, returns: d.returns, balanceDue: d.balanceDue } : null;
const key = (d: Duty) => `${d.reason} ${d.due}`;

/**
 * A trip set, moved or removed. Only the calls whose day moved are planned again: one the old dates
 * and the new both put on the same day keeps its state — still owed, or done already (a balance
 * ticked off, a notice given) and not brought back. A lost prospect is planned nothing.
 */
export function replanTrip(
  before: Dates,
  after: Dates & { stage: Stage },
  reminders: Reminder[],
  today: Day,
): { add: ReminderDraft[]; clear: number[]; keptDone: TripDuty[] } {
  checkTrip(after.departs, after.returns);
  const trip = tripOf(after);
  const old = new Set(duties(tripOf(before), before.balanceDue).map(key));
  const next = after.stage === 'lost' ? [] : duties(trip, after.balanceDue);
  const kept = new Set(next.map(key).filter((k) => old.has(k)));
  // Done stays done when the day moves: a balance ticked off is paid, whatever date the contract is
  // later corrected to; a notice given stays given when departure moves by no more than the notice's
  // lead (a day or two: the names and needs confirmed still hold). Moved further, it is another
  // departure and is confirmed again. Done is read as: the old plan had it, no reminder is left.
  const pending = (reason: TripDuty) => reminders.some((r) => r.reason === reason);
  const before_ = tripOf(before);
  const stillDone = (d: Duty) =>
    (d.reason === 'balance-due' && before.balanceDue !== null && !pending('balance-due')) ||
    (d.reason === 'trip-prep' &&
      before_ !== null &&
      trip !== null &&
      Math.abs(daysBetween(before_.departs, trip.departs)) <= CONFIRM_LEAD &&
      !pending('trip-prep'));
  const done = next.filter((d) => !kept.has(key(d)) && stillDone(d));
  for (const d of done) kept.add(key(d));
  // A pending call stays when its duty is unchanged; a one-of-a-kind duty is matched by its kind
  // (it may have been snoozed off its day), a check-in by its day.
  const unchangedKind = new Set<string>(next.filter((d) => d.reason !== 'trip-check' && kept.has(key(d))).map((d) => d.reason));
  // The same dates: every pending check-in stays, one snoozed off its planned day too.
  const sameDates =
    after.stage !== 'lost' &&
    before_ !== null &&
    trip !== null &&
    before_.departs === trip.departs &&
    before_.returns === trip.returns;
  const stays = (r: Reminder) =>
    r.reason === 'trip-check' ? sameDates || kept.has(`trip-check ${r.due}`) : unchangedKind.has(r.reason);
  return {
    keptDone: done.map((d) => d.reason),
    clear: reminders.filter((r) => isTripDuty(r.reason) && !stays(r)).map((r) => r.id),
    add: fromToday(
      next.filter((d) => !kept.has(key(d))),
      trip,
      today,
    ),
  };
}
