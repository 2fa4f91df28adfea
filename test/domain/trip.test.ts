// The calls a trip plans (篇5), as pure rules with the day passed in.
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/domain/prospect.js';
import { birthdayOnTrip, checkInDays, checkTrip, replanTrip, tripReminders } from '../../src/domain/trip.js';
import { DealerError } from '../../src/domain/errors.js';

const trip = { departs: '2026-10-01', returns: '2026-10-07', balanceDue: '2026-10-10' };
const plan = (t = trip, birthday: string | null = null, today = '2026-09-20') =>
  tripReminders(t, birthday, today).map((r) => `${r.reason} ${r.due}`);

describe('a trip plans its calls', () => {
  it('confirms three days before, checks in every other day, calls within three days of coming home, chases the balance', () => {
    expect(plan()).toEqual([
      'trip-confirm 2026-09-28',
      'trip-check-in 2026-10-02',
      'trip-check-in 2026-10-04',
      'trip-check-in 2026-10-06',
      'trip-review 2026-10-08',
      'trip-balance 2026-10-10',
    ]);
  });

  it('tells the guide beforehand about a birthday on the road, in any year format, and not one outside the trip', () => {
    expect(plan(trip, '1980-10-04')).toContain('trip-birthday 2026-09-28');
    expect(plan(trip, '10-07')).toContain('trip-birthday 2026-09-28');
    expect(plan(trip, '10-08').some((r) => r.startsWith('trip-birthday'))).toBe(false);
    expect(birthdayOnTrip('12-31', { departs: '2026-12-28', returns: '2027-01-03' })).toBe('2026-12-31');
    expect(birthdayOnTrip('01-02', { departs: '2026-12-28', returns: '2027-01-03' })).toBe('2027-01-02');
  });

  it('checks in once on a short trip, on the day they leave', () => {
    expect(checkInDays({ departs: '2026-10-01', returns: '2026-10-02' })).toEqual(['2026-10-01']);
    expect(checkInDays({ departs: '2026-10-01', returns: '2026-10-01' })).toEqual(['2026-10-01']);
    expect(checkInDays({ departs: '2026-10-01', returns: '2026-10-04' })).toEqual(['2026-10-02']);
  });

  it('drops what has passed and brings what is late to today', () => {
    // Set the day before departure: the notice is late but still worth making; nothing is dropped yet.
    expect(plan(trip, null, '2026-09-30')[0]).toBe('trip-confirm 2026-09-30');
    // Set on the way home: only the check-in still ahead, the quality call and the balance.
    expect(plan(trip, null, '2026-10-05')).toEqual([
      'trip-check-in 2026-10-06',
      'trip-review 2026-10-08',
      'trip-balance 2026-10-10',
    ]);
    // Back four days: the quality call's three days are over; an unpaid balance is chased today.
    expect(plan({ ...trip, balanceDue: '2026-10-09' }, null, '2026-10-11')).toEqual(['trip-balance 2026-10-11']);
  });

  it('replaces every reminder of the old plan, and keeps the others', () => {
    const old: Reminder[] = [
      { id: 1, prospectId: 9, reason: 'trip-confirm', due: '2026-09-28', since: '2026-09-20' },
      { id: 2, prospectId: 9, reason: 'thank-you', due: '2026-09-21', since: '2026-09-20' },
      { id: 3, prospectId: 9, reason: 'trip-check-in', due: '2026-10-02', since: '2026-09-20' },
    ];
    const moved = replanTrip({ departs: '2026-11-01', returns: '2026-11-02', balanceDue: null }, null, old, '2026-09-21');
    expect(moved.clear).toEqual([1, 3]);
    expect(moved.add.map((r) => `${r.reason} ${r.due}`)).toEqual([
      'trip-confirm 2026-10-29',
      'trip-check-in 2026-11-01',
      'trip-review 2026-11-03',
    ]);
    // The trip cleared: its calls go; a balance alone is still chased.
    expect(replanTrip({ departs: null, returns: null, balanceDue: null }, null, old, '2026-09-21').add).toEqual([]);
    expect(
      replanTrip({ departs: null, returns: null, balanceDue: '2026-10-10' }, null, [], '2026-09-21').add,
    ).toEqual([{ reason: 'trip-balance', due: '2026-10-10', since: '2026-09-21' }]);
  });
});

describe('a trip as typed', () => {
  const code = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e instanceof DealerError ? `${e.code} ${e.exitCode}` : String(e);
    }
    return 'ok';
  };
  it('needs both dates, the return on or after the departure', () => {
    expect(code(() => checkTrip('2026-10-01', '2026-10-01'))).toBe('ok');
    expect(code(() => checkTrip(null, null))).toBe('ok');
    expect(code(() => checkTrip('2026-10-01', null))).toBe('tripHalf 2');
    expect(code(() => checkTrip(null, '2026-10-01'))).toBe('tripHalf 2');
    expect(code(() => checkTrip('2026-10-07', '2026-10-01'))).toBe('tripBackwards 2');
    expect(code(() => replanTrip({ departs: '2026-10-07', returns: '2026-10-01', balanceDue: null }, null, [], '2026-09-01'))).toBe(
      'tripBackwards 2',
    );
  });
});
