// The calls a trip plans (篇5), as pure rules with the day passed in.
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/domain/prospect.js';
import { birthdayOnTrip, checkInDays, checkTrip, replanTrip, tripReminders } from '../../src/domain/trip.js';
import { lapsed, stillOwed } from '../../src/domain/due.js';
import { planSnooze, type DueState } from '../../src/domain/done.js';
import { planContact, planWon } from '../../src/domain/schedule.js';
import { settingsFrom } from '../../src/domain/settings.js';
import { DealerError } from '../../src/domain/errors.js';

const trip = { departs: '2026-10-01', returns: '2026-10-07', balanceDue: '2026-10-10' };
const plan = (t = trip, today = '2026-09-20') => tripReminders(t, today).map((r) => `${r.reason} ${r.due}`);
const none = { departs: null, returns: null, balanceDue: null };
const open = { stage: 'contacted' as const };
const rem = (id: number, reason: Reminder['reason'], due: string): Reminder => ({
  id,
  prospectId: 9,
  reason,
  due,
  since: '2026-09-20',
});
/** A won customer with these trip calls open, as `done`/`snooze` see it. */
const state = (reminders: Reminder[]): DueState => ({
  id: 9,
  prospect: { kind: 'person', stage: 'won', tier: 'C', tierManual: false, expected: null, nextCallback: null },
  reminders,
  birthday: null,
  greeted: null,
  trip,
});
const settings = settingsFrom({});
const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof DealerError ? `${e.code} ${e.exitCode}` : String(e);
  }
  return 'ok';
};

describe('a trip plans its calls, under the names SPEC §4 gives them', () => {
  it('prepares three days before, checks in every other day, calls within three days of coming home, chases the balance', () => {
    expect(plan()).toEqual([
      'trip-prep 2026-09-28',
      'trip-check 2026-10-02',
      'trip-check 2026-10-04',
      'trip-check 2026-10-06',
      'trip-return 2026-10-08',
      'balance-due 2026-10-10',
    ]);
  });

  it('finds a birthday on the road, in any year format, and not one outside the trip', () => {
    expect(birthdayOnTrip('1980-10-04', trip)).toBe('2026-10-04');
    expect(birthdayOnTrip('10-07', trip)).toBe('2026-10-07');
    expect(birthdayOnTrip('10-08', trip)).toBe(null);
    expect(birthdayOnTrip('12-31', { departs: '2026-12-28', returns: '2027-01-03' })).toBe('2026-12-31');
    expect(birthdayOnTrip('01-02', { departs: '2026-12-28', returns: '2027-01-03' })).toBe('2027-01-02');
  });

  it('checks in once on a short trip, on the day they leave', () => {
    expect(checkInDays({ departs: '2026-10-01', returns: '2026-10-02' })).toEqual(['2026-10-01']);
    expect(checkInDays({ departs: '2026-10-01', returns: '2026-10-01' })).toEqual(['2026-10-01']);
    expect(checkInDays({ departs: '2026-10-01', returns: '2026-10-04' })).toEqual(['2026-10-02']);
  });

  it('drops what has passed and brings a late notice to today; a balance already owed stays overdue', () => {
    expect(plan(trip, '2026-09-30')[0]).toBe('trip-prep 2026-09-30');
    expect(plan(trip, '2026-10-05')).toEqual(['trip-check 2026-10-06', 'trip-return 2026-10-08', 'balance-due 2026-10-10']);
    expect(plan({ ...trip, balanceDue: '2026-10-09' }, '2026-10-11')).toEqual(['balance-due 2026-10-09']);
  });
});

describe('one lapse rule for a trip’s calls', () => {
  const c = { lapse: 3, trip };
  it('the notice lapses when they leave, a check-in after its day, the quality call three days home, the balance never', () => {
    expect(lapsed('trip-prep', '2026-09-28', '2026-09-30', c)).toBe(false);
    expect(lapsed('trip-prep', '2026-09-28', '2026-10-01', c)).toBe(true);
    expect(lapsed('trip-check', '2026-10-02', '2026-10-02', c)).toBe(false);
    expect(lapsed('trip-check', '2026-10-02', '2026-10-03', c)).toBe(true);
    expect(lapsed('trip-return', '2026-10-08', '2026-10-10', c)).toBe(false);
    expect(lapsed('trip-return', '2026-10-08', '2026-10-11', c)).toBe(true);
    expect(lapsed('balance-due', '2026-10-10', '2027-10-10', c)).toBe(false);
  });

  it('snooze may not put the notice past departure, says so, and drops a check-in rather than doubling the next', () => {
    expect(code(() => planSnooze(state([rem(1, 'trip-prep', '2026-09-28')]), '2026-09-28', '2026-10-02', settings))).toBe(
      'snoozePastTripCall 2',
    );
    expect(planSnooze(state([rem(1, 'trip-prep', '2026-09-28')]), '2026-09-28', '2026-09-30', settings).move).toEqual([
      { id: 1, due: '2026-09-30' },
    ]);
    // On its last day already there is no later day to offer: make it or tick it off.
    expect(code(() => planSnooze(state([rem(1, 'trip-prep', '2026-09-28')]), '2026-09-30', '2026-10-02', settings))).toBe(
      'tripCallToday 2',
    );
    const during = state([rem(1, 'trip-check', '2026-10-02'), rem(2, 'trip-check', '2026-10-04')]);
    const snoozed = planSnooze(during, '2026-10-02', '2026-10-04', settings);
    expect(snoozed.move).toEqual([]);
    expect(snoozed.clear).toEqual([1]);
  });
});

describe('a contact and a trip’s calls', () => {
  const contact = (kind: 'showroom' | 'call' | 'test-drive', reminders: Reminder[]) =>
    planContact({
      prospect: { kind: 'person', stage: 'won', tier: 'C', tierManual: false, expected: null, nextCallback: null },
      latest: null,
      visitedBefore: true,
      reminders,
      contact: { date: '2026-09-28', kind },
      settings,
    }).clear;
  it('a call gives the notice; no contact shows the balance paid; a test drive is not the talk', () => {
    const due = [rem(1, 'trip-prep', '2026-09-28'), rem(2, 'balance-due', '2026-09-28')];
    expect(contact('call', due)).toEqual([1]);
    expect(contact('showroom', due)).toEqual([1]);
    expect(contact('test-drive', due)).toEqual([]);
  });
});

describe('dates moved', () => {
  it('re-plans only the calls whose day moved: what was done stays done', () => {
    const before = { departs: '2026-10-01', returns: '2026-10-07', balanceDue: '2026-09-25' };
    // The balance was ticked off and the notice given; the check-ins and the quality call are owed.
    const owed = [rem(3, 'trip-check', '2026-10-02'), rem(4, 'trip-check', '2026-10-04'), rem(5, 'trip-check', '2026-10-06'), rem(6, 'trip-return', '2026-10-08')];
    const longer = replanTrip(before, { ...before, returns: '2026-10-09', ...open }, [rem(2, 'thank-you', '2026-09-29'), ...owed], '2026-09-29');
    expect(longer.clear).toEqual([6]);
    expect(longer.add.map((r) => `${r.reason} ${r.due}`)).toEqual(['trip-check 2026-10-08', 'trip-return 2026-10-10']);
  });

  it('moves every call of a trip moved; clears them all with the trip; a balance alone is still chased', () => {
    const old = [rem(1, 'trip-prep', '2026-09-28'), rem(2, 'thank-you', '2026-09-21'), rem(3, 'trip-check', '2026-10-02')];
    const before = { ...trip, balanceDue: null };
    const moved = replanTrip(before, { departs: '2026-11-01', returns: '2026-11-02', balanceDue: null, ...open }, old, '2026-09-21');
    expect(moved.clear).toEqual([1, 3]);
    expect(moved.add.map((r) => `${r.reason} ${r.due}`)).toEqual(['trip-prep 2026-10-29', 'trip-check 2026-11-01', 'trip-return 2026-11-03']);
    expect(replanTrip(before, { ...none, ...open }, old, '2026-09-21')).toEqual({ clear: [1, 3], add: [], keptDone: [] });
    expect(replanTrip(none, { ...none, balanceDue: '2026-10-10', ...open }, [], '2026-09-21').add).toEqual([
      { reason: 'balance-due', due: '2026-10-10', since: '2026-09-21' },
    ]);
  });

  it('plans nothing for a lost prospect', () => {
    expect(replanTrip(none, { ...trip, stage: 'lost' }, [], '2026-09-21').add).toEqual([]);
  });
});

describe('a trip as typed', () => {
  it('needs both dates, the return on or after the departure, a year at most, a return with room for its call', () => {
    expect(code(() => checkTrip('2026-10-01', '2026-10-01'))).toBe('ok');
    expect(code(() => checkTrip(null, null))).toBe('ok');
    expect(code(() => checkTrip('2026-10-01', null))).toBe('tripHalf 2');
    expect(code(() => checkTrip(null, '2026-10-01'))).toBe('tripHalf 2');
    expect(code(() => checkTrip('2026-10-07', '2026-10-01'))).toBe('tripBackwards 2');
    expect(code(() => checkTrip('2026-10-01', '2027-10-01'))).toBe('ok');
    expect(code(() => checkTrip('2026-10-01', '2199-12-01'))).toBe('tripTooLong 2');
    expect(code(() => checkTrip('2199-12-30', '2199-12-31'))).toBe('tripTooLate 2');
    expect(code(() => replanTrip(none, { departs: '2026-10-07', returns: '2026-10-01', balanceDue: null, ...open }, [], '2026-09-01'))).toBe(
      'tripBackwards 2',
    );
  });
});

describe('a snoozed check-in', () => {
  it('a check-in snoozed within the trip moves to the day named and is due that day; past the trip it is refused', () => {
    const s = planSnooze(state([rem(1, 'trip-check', '2026-10-02')]), '2026-10-02', '2026-10-03', settings);
    expect(s.move).toEqual([{ id: 1, due: '2026-10-03' }]);
    expect(lapsed('trip-check', '2026-10-03', '2026-10-03', { lapse: 3, trip })).toBe(false);
    expect(code(() => planSnooze(state([rem(1, 'trip-check', '2026-10-04')]), '2026-10-04', '2026-10-08', settings))).toBe(
      'snoozePastTripCall 2',
    );
    // The last check-in, on the last day it can be made: nothing later to offer.
    expect(code(() => planSnooze(state([rem(1, 'trip-check', '2026-10-06')]), '2026-10-06', '2026-10-08', settings))).toBe(
      'tripCallToday 2',
    );
  });

  it('a balance ticked off stays paid when its date changes; a notice given stays given when departure moves a day or two', () => {
    const before = { departs: '2026-03-10', returns: '2026-03-12', balanceDue: '2026-03-07' };
    // Both done: no balance or notice reminder left.
    const left = [rem(3, 'trip-check', '2026-03-11'), rem(4, 'trip-return', '2026-03-13')];
    const paid = replanTrip(before, { ...before, balanceDue: '2026-03-08', ...open }, left, '2026-03-07');
    expect(paid.add).toEqual([]);
    expect(paid.clear).toEqual([]);
    const moved = replanTrip(before, { ...before, departs: '2026-03-11', ...open }, left, '2026-03-07');
    expect(moved.add.map((r) => r.reason)).not.toContain('trip-prep');
    // Put off by weeks, it is another departure: the names and needs are confirmed again.
    const later = replanTrip(before, { ...before, departs: '2026-04-01', returns: '2026-04-03', ...open }, left, '2026-03-07');
    expect(later.add.map((r) => r.reason)).toContain('trip-prep');
  });

  it('a long trip is checked on every other day for two weeks, then weekly, ten calls at most', () => {
    const year = checkInDays({ departs: '2026-01-01', returns: '2026-12-31' });
    expect(year.length).toBe(10);
    expect(year.slice(0, 8)).toEqual([
      '2026-01-02', '2026-01-04', '2026-01-06', '2026-01-08', '2026-01-10', '2026-01-12', '2026-01-14', '2026-01-21',
    ]);
  });
});

describe('what show lists as owed', () => {
  it('follows the morning list: a thank-you, a notice and a check-in past their last day are not owed', () => {
    const t = { departs: '2026-03-10', returns: '2026-03-16' };
    const all = [rem(1, 'thank-you', '2026-03-03'), rem(2, 'trip-prep', '2026-03-07'), rem(3, 'trip-check', '2026-03-11'), rem(4, 'balance-due', '2026-03-01')];
    expect(stillOwed(all, '2026-03-15', { lapse: 3, trip: t }).map((r) => r.id)).toEqual([4]);
    expect(stillOwed(all, '2026-03-05', { lapse: 3, trip: t }).map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('a trip is not a car: won and the return plan no hand-over calls', () => {
  const prospect = { kind: 'person' as const, stage: 'won' as const, tier: 'C' as const, tierManual: false, expected: null, nextCallback: null, trade: 'travel' as const };
  it('won --delivery on a trip plans no delivery-prep; a car still does', () => {
    const reasons = (trade: 'travel' | 'car') =>
      planWon({ ...prospect, stage: 'negotiating', trade }, [], '2026-03-02', settings, { delivery: '2026-03-16' }).add.map((r) => r.reason);
    expect(reasons('travel')).not.toContain('delivery-prep');
    expect(reasons('car')).toContain('delivery-prep');
  });
  it('coming home plans no second after-trip call: the quality call is it', () => {
    const back = planContact({
      prospect,
      latest: null,
      visitedBefore: true,
      reminders: [],
      contact: { date: '2026-03-16', kind: 'delivery' },
      settings,
    });
    expect(back.add.map((r) => r.reason)).not.toContain('delivery-check');
  });
});

describe('a snoozed check-in and a balance edit', () => {
  it('a check-in moved off its planned day stays when only the balance changes', () => {
    const before = { departs: '2026-03-10', returns: '2026-03-16', balanceDue: null };
    const r = replanTrip(before, { ...before, balanceDue: '2026-03-20', ...open }, [rem(1, 'trip-check', '2026-03-12')], '2026-03-11');
    expect(r.clear).toEqual([]);
  });
});
