// A customer's trip (travel, 篇5) plans the calls around it: the departure notice a few days
// before, the balance on the day the contract names, a check-in every other day while they are
// away, a birthday on the road told to the guide beforehand, and the quality call within three
// days of coming home. Pure rules: the clock is the `today` passed in.
import { addDays, birthdayIn, type Day } from './dates.js';
import { usage } from './errors.js';
import type { Reminder } from './prospect.js';
import type { ReminderDraft } from './schedule.js';

export interface Trip {
  departs: Day;
  returns: Day;
  /** The balance's due date, as the contract states it (篇5: 合同备注尾款支付日期); none: paid in full. */
  balanceDue: Day | null;
}

/** The reminders a trip owns: a new plan for the trip replaces them all. */
export const TRIP_DUTIES = ['trip-confirm', 'trip-balance', 'trip-check-in', 'trip-birthday', 'trip-review'] as const;
export type TripDuty = (typeof TRIP_DUTIES)[number];

export const isTripDuty = (reason: string): reason is TripDuty => TRIP_DUTIES.some((d) => d === reason);

/** Days before departure for the call that confirms names, needs and the departure notice. */
export const CONFIRM_LEAD = 3;
/** 篇5: during the trip, a message or call every other day (隔天). */
export const CHECK_IN_EVERY = 2;
/** 篇5: the quality call is made within three days of coming home; it is planned for the first. */
export const REVIEW_WITHIN = 3;

/**
 * The trip as the flags and the stored row make it. Both dates or neither: half a trip plans
 * nothing sensible. Coming home before leaving is refused.
 */
export function checkTrip(departs: Day | null, returns: Day | null): void {
  if ((departs === null) !== (returns === null)) throw usage('tripHalf');
  if (departs !== null && returns !== null && returns < departs) throw usage('tripBackwards', { departs, returns });
}

/** The day of a birthday (`MM-DD` or `YYYY-MM-DD`) falling within the trip, if one does. */
export function birthdayOnTrip(birthday: string | null, trip: Pick<Trip, 'departs' | 'returns'>): Day | null {
  if (!birthday) return null;
  for (let year = Number(trip.departs.slice(0, 4)); year <= Number(trip.returns.slice(0, 4)); year++) {
    const day = birthdayIn(birthday, year);
    if (day >= trip.departs && day <= trip.returns) return day;
  }
  return null;
}

/** The check-in days: every other day from the day after departure, before the return; at least one. */
export function checkInDays(trip: Pick<Trip, 'departs' | 'returns'>): Day[] {
  const days: Day[] = [];
  for (let d = addDays(trip.departs, 1); d < trip.returns; d = addDays(d, CHECK_IN_EVERY)) days.push(d);
  // A trip of a night or a day: still one call, on the day they leave, to hear they arrived well.
  return days.length ? days : [trip.departs];
}

/**
 * The trip's reminders from `today` on. A duty whose moment has passed is dropped (a check-in for a
 * day gone); one still useful but late is due today (the departure notice two days before).
 */
export function tripReminders(trip: Trip, birthday: string | null, today: Day): ReminderDraft[] {
  const confirm = addDays(trip.departs, -CONFIRM_LEAD);
  const plan: { reason: TripDuty; due: Day; until: Day }[] = [
    { reason: 'trip-confirm', due: confirm, until: addDays(trip.departs, -1) },
    ...checkInDays(trip).map((d) => ({ reason: 'trip-check-in' as const, due: d, until: d })),
    { reason: 'trip-review', due: addDays(trip.returns, 1), until: addDays(trip.returns, REVIEW_WITHIN) },
  ];
  // The guide and the operator are told before departure, so the day can be marked on the road.
  const bday = birthdayOnTrip(birthday, trip);
  if (bday) plan.push({ reason: 'trip-birthday', due: confirm, until: bday });
  // Money owed is chased until it is paid, however late.
  if (trip.balanceDue) plan.push({ reason: 'trip-balance', due: trip.balanceDue, until: '9999-12-31' });
  return plan
    .filter((r) => r.until >= today)
    .map((r) => ({ reason: r.reason, due: r.due < today ? today : r.due, since: today }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/**
 * A trip set, moved or removed: every reminder of the old plan goes, the new plan's come. The dates
 * are the prospect's as they now stand; a balance without a trip is still chased.
 */
export function replanTrip(
  dates: { departs: Day | null; returns: Day | null; balanceDue: Day | null },
  birthday: string | null,
  reminders: Reminder[],
  today: Day,
): { add: ReminderDraft[]; clear: number[] } {
  checkTrip(dates.departs, dates.returns);
  const { departs, returns, balanceDue } = dates;
  const add =
    departs && returns
      ? tripReminders({ departs, returns, balanceDue }, birthday, today)
      : balanceDue
        ? [{ reason: 'trip-balance' as const, due: balanceDue < today ? today : balanceDue, since: today }]
        : [];
  return { clear: reminders.filter((r) => isTripDuty(r.reason)).map((r) => r.id), add };
}
