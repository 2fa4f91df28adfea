// The morning list: what is due, in the order a consultant should work it — hottest tier first,
// most overdue first within a tier, then by id (SPEC §1, §4).
import { addDays, daysBetween, type Day } from './dates.js';
import type { MilestoneKind } from './organisation.js';
import type { Reason } from './prospect.js';
import type { Tier } from './tier.js';
import { tradeOpening, type Trade } from './trade.js';
import { isTripDuty, tripDutyLastDay, type TripDates } from './trip.js';
import { isCustomer, type Kind, type Stage } from './vocab.js';

export interface LastContact {
  date: Day;
  kind: Kind;
  note: string | null;
}

/** Open prospects are worked by tier; people who bought are looked after as their own group. */
export type Group = Tier | 'customers';

export function groupOf(stage: Stage, tier: Tier): Group {
  return isCustomer(stage) ? 'customers' : tier;
}

const GROUP_ORDER: Group[] = ['O', 'A', 'B', 'C', 'customers'];

export interface DueItem {
  id: number;
  name: string;
  phone: string | null;
  tier: Tier;
  group: Group;
  stage: Stage;
  due: Day;
  overdueDays: number;
  reason: Reason;
  lastContact: LastContact | null;
  /** The script topic to open with (`dealer script <topic> --for <id>`). */
  topic: string;
  /** Present (true) for an organisation: its tier is its buying (cycle × batch), not a window. */
  org?: true;
  /** Present (true) while a deposit holds the deal: they are worked before every other O. */
  deposit?: true;
  /** An appointment's local time (`HH:MM`). */
  time?: string;
  /**
   * An organisation's milestone (a tender, a selection meeting) on its `day`, or the day before as
   * notice: then the row's `due` is that day before, so `overdueDays: 0` means due today as for any row.
   */
  milestone?: { id: number; kind: MilestoneKind; note: string | null; day: Day };
  /** The prospect's own trade, present only when it differs from the book's: its stage names and openers. */
  trade?: Trade;
  /** On a departure notice (`trip-prep`): the birthday that falls on the trip, to tell the guide. */
  birthdayOnTrip?: Day;
}

/** Same prospect, same day: the duty with a deadline first, the courtesy last. */
const REASON_ORDER: Reason[] = [
  'appointment',
  'confirm-appointment',
  'milestone',
  'balance-due',
  'trip-prep',
  'deposit-expiry',
  'top-up',
  'delivery-prep',
  'delivery-check',
  'insurance-renewal',
  'maturity',
  'first-service',
  'trip-return',
  'trip-check',
  'callback',
  'thank-you',
  'anniversary',
  'birthday',
];

export function overdueDays(due: Day, on: Day): number {
  return Math.max(0, daysBetween(due, on));
}

const byTime = (a: DueItem, b: DueItem) =>
  a.due < b.due
    ? -1
    : a.due > b.due
      ? 1
      : (a.time ?? '') < (b.time ?? '')
        ? -1
        : (a.time ?? '') > (b.time ?? '')
          ? 1
          : 0;

/** The day's appointments come first, by time: they are fixed; everything else fits around them. */
export function compareDue(a: DueItem, b: DueItem): number {
  const appointments = Number(b.reason === 'appointment') - Number(a.reason === 'appointment');
  if (appointments) return appointments;
  if (a.reason === 'appointment') return byTime(a, b) || a.id - b.id;
  return (
    GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
    Number(b.deposit ?? false) - Number(a.deposit ?? false) ||
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    a.id - b.id ||
    REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason)
  );
}

/**
 * A deadline reminded twice (the day before and on the day) shows once: when both are due, the row
 * for the day itself, which is the one that still matters.
 */
export function oneRowPerDuty(items: DueItem[]): DueItem[] {
  // These come one per day, each its own duty: a trip's check-ins are every other day; an account's
  // milestones (a selection meeting, then the tender) are each an event of their own.
  const each = (i: DueItem) =>
    i.reason === 'callback' ||
    i.reason === 'birthday' ||
    i.reason === 'appointment' ||
    i.reason === 'trip-check' ||
    i.reason === 'milestone';
  const latest = new Map<string, DueItem>();
  for (const i of items) {
    if (each(i)) continue;
    const key = `${i.id}:${i.reason}`;
    const seen = latest.get(key);
    if (!seen || i.due > seen.due) latest.set(key, i);
  }
  return items.filter((i) => each(i) || latest.get(`${i.id}:${i.reason}`) === i);
}

/**
 * Keeping in touch is the fallback for a customer (issue 13): on a morning when a duty calls them
 * anyway (first service, insurance, anniversary...), that call keeps in touch and the plain
 * callback row is not shown twice.
 */
export function keepInTouchFallback(items: DueItem[]): DueItem[] {
  const dutyFor = new Set(items.filter((i) => i.group === 'customers' && i.reason !== 'callback').map((i) => i.id));
  return items.filter((i) => !(i.group === 'customers' && i.reason === 'callback' && dutyFor.has(i.id)));
}

/** What decides when a duty stops being worth doing, besides its own day. */
export interface LapseContext {
  /** `reminder.lapse`: days a thank-you stays owed. */
  lapse: number;
  /** The policy's last day, for an insurance renewal. */
  insuranceUntil?: Day | null;
  /** The prospect's trip as it stands, for its calls. */
  trip?: TripDates | null;
}

/**
 * The last day a duty is still worth doing; null: owed until done. The one lapse rule: the morning
 * list, `done`, `snooze` and the trip's plan all ask here. A thank-you sent days late reads as an
 * afterthought; an insurance renewal is chased until the policy's last day, not after.
 */
export function lastDay(reason: Reason, due: Day, c: LapseContext): Day | null {
  if (isTripDuty(reason)) return tripDutyLastDay(reason, due, c.trip ?? null);
  switch (reason) {
    case 'insurance-renewal':
      return c.insuranceUntil ?? null;
    // An appointment is not overdue once its day has passed, and confirming the day before makes
    // no sense once that day has come.
    case 'appointment':
    case 'confirm-appointment':
      return due;
    case 'thank-you':
      return addDays(due, c.lapse);
    default:
      return null;
  }
}

export function lapsed(reason: Reason, due: Day, on: Day, c: LapseContext): boolean {
  const last = lastDay(reason, due, c);
  return last !== null && on > last;
}

/** The reminders still worth doing on `on`: what `show` lists as owed, as the morning list sees it. */
export function stillOwed<R extends { reason: Reason; due: Day }>(reminders: R[], on: Day, c: LapseContext): R[] {
  return reminders.filter((r) => !lapsed(r.reason, r.due, on, c));
}

/** A birthday greeted already (by a contact or `done`) is not due again that year. */
export function greetedAlready(due: Day, greeted: Day | null): boolean {
  return greeted === due;
}

/** The MM-DD keys of every day from `from` to `to`, for the birthday index. */
export function monthDays(from: Day, to: Day): string[] {
  const keys: string[] = [];
  for (let d = from; d <= to && keys.length < 366; d = addDays(d, 1)) keys.push(d.slice(5));
  // 29 Feb birthdays are greeted on 28 Feb in other years.
  if (keys.includes('02-28') && !keys.includes('02-29')) keys.push('02-29');
  return keys;
}

/**
 * What to open the conversation with, by why they are due, where they are in the sale and the
 * trade's own scripts. A milestone (a tender, a selection meeting) is no visit to prepare: the
 * account's stage decides, as for a callback.
 */
export function openingTopic(stage: Stage, reason: Reason, trade: Trade): string {
  const why = reason === 'milestone' ? 'callback' : reason;
  return tradeOpening(trade, stage, why) ?? commonOpening(stage, why);
}

function commonOpening(stage: Stage, reason: Reason): string {
  if (isTripDuty(reason)) return 'travel';
  switch (reason) {
    case 'delivery-check':
    case 'delivery-prep':
      return 'delivery';
    case 'deposit-expiry':
    case 'top-up':
      return 'close';
    case 'first-service':
    case 'insurance-renewal':
    case 'anniversary':
    case 'maturity':
      return 'aftersales';
    case 'confirm-appointment':
      return 'visit-prep';
    case 'appointment':
      return 'reception';
    case 'thank-you':
    case 'birthday':
      return 'follow-up';
    default:
      break;
  }
  const byStage: Record<Stage, string> = {
    new: 'consult',
    contacted: 'consult',
    consulted: 'present',
    presented: 'test-drive',
    'test-drive': 'negotiate',
    negotiating: 'negotiate',
    deposit: 'close',
    won: 'delivery',
    delivered: 'follow-up',
    'follow-up': 'follow-up',
    lost: 'follow-up',
  };
  return byStage[stage];
}
