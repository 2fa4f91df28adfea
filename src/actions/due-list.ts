// Everything due from a day to another, in the order to work it: the morning list and the
// calendar export are the same list.
import { addDays, birthdayDue, isDay, type Day } from '../domain/dates.js';
import {
  compareDue,
  greetedAlready,
  groupOf,
  lapsed,
  monthDays,
  keepInTouchFallback,
  oneRowPerDuty,
  openingTopic,
  overdueDays,
  type DueItem,
} from '../domain/due.js';
import { liveDeposit } from '../domain/deal.js';
import { effectiveTier } from '../domain/tier.js';
import type { Trade } from '../domain/trade.js';
import type { DB } from '../store/db.js';
import { birthdayOnTrip, tripDatesOf } from '../domain/trip.js';
import { dueRows, type DueRow } from '../store/due.js';
import { lunarBirthdayDue } from './lunar.js';
import { readSettings } from '../store/settings.js';
import { latestContact } from '../store/contacts.js';
import { milestonesBetween } from '../store/people.js';
import { MILESTONE_NOTICE } from '../domain/organisation.js';
import { getProspect } from '../store/prospects.js';

/**
 * A birthday falling on the trip, solar or lunar, as the prospect's dates stand now: an edited
 * birthday or trip is told to the guide without planning anything again.
 */
function tripBirthday(r: DueRow): Day | null {
  const trip = tripDatesOf(r);
  if (!trip) return null;
  if (r.lunarBirthday) return lunarBirthdayDue(r.lunarBirthday, trip.departs, trip.returns);
  return birthdayOnTrip(r.birthday, trip);
}

export function dueList(db: DB, on: Day, to: Day): DueItem[] {
  const { lapse, trade } = readSettings(db);
  const items = dueRows(db, to, monthDays(on, to)).flatMap((r): DueItem[] => {
    // A birthday row from the prospect carries only its MM-DD (a lunar one `L` + its lunar MM-DD);
    // a snoozed one is a dated reminder.
    const fromBirthday = r.reason === 'birthday' && !isDay(r.due);
    const due = !fromBirthday
      ? r.due
      : r.due.startsWith('L')
        ? lunarBirthdayDue(r.due.slice(1), on, to)
        : r.birthday && birthdayDue(r.birthday, on, to);
    if (
      !due ||
      (fromBirthday && greetedAlready(due, r.greeted)) ||
      lapsed(r.reason, due, on, { lapse, insuranceUntil: r.deal?.insuranceUntil, trip: tripDatesOf(r) })
    )
      return [];
    const onTrip = r.reason === 'trip-prep' ? tripBirthday(r) : null;
    const tier = effectiveTier(r, on);
    const deposit = liveDeposit(r.stage, r.deal, on);
    return [
      {
        id: r.id,
        name: r.name,
        phone: r.phone,
        tier,
        group: groupOf(r.stage, tier),
        stage: r.stage,
        due,
        overdueDays: overdueDays(due, on),
        reason: r.reason,
        lastContact: r.lastDate && r.lastKind ? { date: r.lastDate, kind: r.lastKind, note: r.lastNote } : null,
        topic: openingTopic(r.stage, r.reason, r.trade ?? trade),
        ...(r.kind === 'org' ? { org: true as const } : {}),
        ...(deposit ? { deposit: true as const } : {}),
        ...(r.time ? { time: r.time } : {}),
        ...(r.trade && r.trade !== trade ? { trade: r.trade } : {}),
        ...(onTrip ? { birthdayOnTrip: onTrip } : {}),
      },
    ];
  });
  return keepInTouchFallback(oneRowPerDuty([...items, ...milestoneItems(db, on, to, trade)])).sort(compareDue);
}

/**
 * An organisation's milestones (issue 14.3) on the day before, to prepare, and on their day; not
 * overdue after it, as appointments. Only an organisation's, and not once it is lost: `edit --clear
 * org` keeps them in the book (undoable) but a private buyer has no tender.
 */
function milestoneItems(db: DB, on: Day, to: Day, trade: Trade): DueItem[] {
  return milestonesBetween(db, on, addDays(to, MILESTONE_NOTICE)).flatMap((m): DueItem[] => {
    const p = getProspect(db, m.orgId);
    if (!p || p.stage === 'lost' || p.kind !== 'org') return [];
    const tier = effectiveTier(p, on);
    const last = latestContact(db, p.id);
    return [
      {
        id: p.id,
        name: p.name,
        phone: p.phone,
        tier,
        group: groupOf(p.stage, tier),
        stage: p.stage,
        // Past the list's last day it is the notice, due on that last day (the day before).
        due: m.day > to ? to : m.day,
        overdueDays: 0,
        reason: 'milestone',
        lastContact: last ? { date: last.date, kind: last.kind, note: last.note } : null,
        topic: openingTopic(p.stage, 'milestone', p.trade ?? trade),
        milestone: { id: m.id, kind: m.kind, note: m.note, day: m.day },
        org: true,
        ...(p.trade && p.trade !== trade ? { trade: p.trade } : {}),
      },
    ];
  });
}

/** The first thing due after a day, of any kind: what an empty morning points to. */
export function nextDue(db: DB, after: Day): DueItem | undefined {
  const from = addDays(after, 1);
  return dueList(db, from, addDays(from, 365))
    .filter((i) => i.due > after)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}
