// A trip's dates changed (add-prospect, edit): the calls whose day moved are planned again from
// the dates as they now stand, inside the command's transaction, so undo takes back the dates and
// the calls together.
import type { Day } from '../domain/dates.js';
import type { ProspectFields } from '../domain/prospect.js';
import { replanTrip } from '../domain/trip.js';
import { applyReminders, remindersOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { readBack } from './read-back.js';

export const touchesTrip = (f: ProspectFields): boolean =>
  f.departs !== undefined || f.returns !== undefined || f.balanceDue !== undefined;

type TripFields = { departs: Day | null; returns: Day | null; balanceDue: Day | null };

/** A new prospect had no trip before. */
export const NO_TRIP: TripFields = { departs: null, returns: null, balanceDue: null };

/** `before`: the prospect's dates before this command changed them. */
export function planTrip(db: DB, id: number, before: TripFields, today: Day): void {
  const p = readBack(db, id);
  const plan = replanTrip(before, p, remindersOf(db, id), today);
  applyReminders(db, id, plan.add, plan.clear);
}
