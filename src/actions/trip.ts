// A trip's dates changed (add-prospect, edit): the calls whose day moved are planned again from
// the dates as they now stand, inside the command's transaction, so undo takes back the dates and
// the calls together.
import type { Day } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import type { ProspectFields } from '../domain/prospect.js';
import { replanTrip, type TripDuty } from '../domain/trip.js';
import { applyReminders, remindersOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { readBack } from './read-back.js';
import { tradeFor } from '../domain/trade.js';

/** A trade changed counts: a trip kept on a prospect moved to cars would plan a tour's calls for it. */
export const touchesTrip = (f: ProspectFields): boolean =>
  f.departs !== undefined || f.returns !== undefined || f.balanceDue !== undefined || f.trade !== undefined;

type TripFields = { departs: Day | null; returns: Day | null; balanceDue: Day | null };

/** A new prospect had no trip before. */
export const NO_TRIP: TripFields = { departs: null, returns: null, balanceDue: null };

/**
 * `before`: the prospect's dates before this command changed them. Returns the duties done already
 * that the new dates did not bring back, for the confirmation to say so.
 */
export function planTrip(db: DB, id: number, before: TripFields, today: Day): TripDuty[] {
  const p = readBack(db, id);
  // A trip plans a tour's notice, check-ins and quality call (篇5): on a car buyer it is a mistyped
  // flag, not a delivery trip, and would fill the list with calls no one makes.
  const trade = tradeFor(p, readSettings(db));
  if (p.departs !== null && trade !== 'travel') throw usage('tripNotTravel', { trade });
  const plan = replanTrip(before, p, remindersOf(db, id), today);
  applyReminders(db, id, plan.add, plan.clear);
  return plan.keptDone;
}
