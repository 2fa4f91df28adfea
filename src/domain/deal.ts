// The deal after yes (issue 13): the deposit that makes a customer hot, the order, the hand-over and
// the after-sales dates a 4S store earns from. One row per prospect; the rules about it live here.
import { addDays, addMonths, daysBetween, type Day } from './dates.js';
import { usage } from './errors.js';
import { definedOnly, type Reminder } from './prospect.js';
import type { ReminderDraft } from './schedule.js';
import { isCustomer, type Stage } from './vocab.js';

export interface Deal {
  prospectId: number;
  deposit: number | null;
  /** The day the deposit was taken; null when no deposit was recorded. */
  depositOn: Day | null;
  holdUntil: Day | null;
  topUp: number | null;
  topUpBy: Day | null;
  refundedOn: Day | null;
  model: string | null;
  price: number | null;
  delivery: Day | null;
  deliveredOn: Day | null;
  insuranceUntil: Day | null;
  renewedOn: Day | null;
  matures: Day | null;
}

export type DealFields = Partial<Omit<Deal, 'prospectId'>>;

export const NO_DEAL: Omit<Deal, 'prospectId'> = {
  deposit: null,
  depositOn: null,
  holdUntil: null,
  topUp: null,
  topUpBy: null,
  refundedOn: null,
  model: null,
  price: null,
  delivery: null,
  deliveredOn: null,
  insuranceUntil: null,
  renewedOn: null,
  matures: null,
};

/** `5000`, `5,000`, `¥398000`, `5k`, `2万`, `39.8万`: what a consultant types for money. */
export function parseAmount(input: string): number {
  const m = /^\s*[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)\s*(k|w|万)?\s*(元)?\s*$/i.exec(input);
  if (!m) throw usage('badAmount', { input });
  const n = Number(m[1].replace(/,/g, '')) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1000 : 10000) : 1);
  if (!Number.isFinite(n) || n <= 0 || n > 1e12) throw usage('badAmount', { input });
  return Math.round(n * 100) / 100;
}

/**
 * A deposit still holding the deal: taken, not refunded, the prospect still at the deposit stage
 * (a stage change or won ends it), and its hold not yet lapsed.
 */
export function liveDeposit(
  stage: Stage,
  deal: Pick<Deal, 'depositOn' | 'holdUntil' | 'refundedOn'> | null | undefined,
  on: Day,
): boolean {
  if (stage !== 'deposit' || !deal?.depositOn || deal.refundedOn) return false;
  return deal.holdUntil === null || deal.holdUntil >= on;
}

/**
 * A deadline is worth two calls: the day before, while there is still time to act (篇4: contact them
 * before the top-up date), and on the day itself. The day before is skipped when it is the day of
 * the contact that set the deadline: they have just spoken.
 */
export function deadlineReminders(reason: ReminderDraft['reason'], due: Day, since: Day): ReminderDraft[] {
  const before = addDays(due, -1);
  return [...(before > since ? [{ reason, due: before, since }] : []), { reason, due, since }];
}

/** What a contact says about money: a deposit taken, how long it holds, the top-up owed. */
export interface DepositTerms {
  deposit?: number;
  holdUntil?: Day;
  topUp?: number;
  topUpBy?: Day;
}

export const hasTerms = (c: DepositTerms) =>
  c.deposit !== undefined || c.holdUntil !== undefined || c.topUp !== undefined || c.topUpBy !== undefined;

/**
 * The deal's new fields after a contact, or null when it changes nothing. New terms start (or amend)
 * a deposit; moving off the deposit stage to another open stage is a refund (issue 13).
 */
export function dealAfterContact(
  deal: Deal | null,
  from: Stage,
  to: Stage,
  c: DepositTerms & { date: Day; kind?: string; renewed?: boolean },
): DealFields | null {
  const running = deal?.depositOn && !deal.refundedOn;
  // The hand-over: the day it happened is what the check-up and after-sales dates count from.
  if (c.kind === 'delivery' && !deal?.deliveredOn) return { deliveredOn: c.date };
  if (c.renewed) return renewal(deal, c.date);
  if (hasTerms(c) && to === 'deposit') {
    return {
      depositOn: running ? deal.depositOn : c.date,
      refundedOn: null,
      ...(c.deposit !== undefined ? { deposit: c.deposit } : running ? {} : { deposit: null }),
      ...(c.holdUntil !== undefined ? { holdUntil: c.holdUntil } : running ? {} : { holdUntil: null }),
      ...(c.topUp !== undefined ? { topUp: c.topUp } : running ? {} : { topUp: null }),
      ...(c.topUpBy !== undefined ? { topUpBy: c.topUpBy } : running ? {} : { topUpBy: null }),
    };
  }
  if (running && from === 'deposit' && to !== 'deposit' && !isCustomer(to)) {
    return { refundedOn: c.date };
  }
  return null;
}

/** The order's terms as `won` and `edit` give them (undefined: not given; null: cleared). */
export interface OrderTerms {
  model?: string | null;
  price?: number | null;
  delivery?: Day | null;
  insuranceUntil?: Day | null;
  matures?: Day | null;
}

/** In the order the flags are read, which is the order their reminders are planned in. */
const ORDER_KEYS = ['model', 'price', 'delivery', 'insuranceUntil', 'matures'] as const satisfies readonly (keyof OrderTerms)[];

/** Insurance is chased 60 and 30 days ahead, then weekly while it is still not renewed. */
const INSURANCE_LEADS = [60, 30, 23, 16, 9, 2];

/** Days before a product matures that its holder hears about what comes next (篇8). */
const MATURITY_LEAD = 30;

const latest = (a: Day, b: Day) => (a > b ? a : b);

/** The reminders an order's dates owe, from the day they were given (`since`). */
export function orderReminders(o: OrderTerms, since: Day): ReminderDraft[] {
  const add: ReminderDraft[] = [];
  // Prepare the car, the paperwork and the hand-over the day before (篇1 成交/交车).
  if (o.delivery && o.delivery >= since)
    add.push({ reason: 'delivery-prep', due: latest(addDays(o.delivery, -1), since), since });
  const until = o.insuranceUntil;
  if (until) {
    const days = INSURANCE_LEADS.map((n) => addDays(until, -n)).filter((d) => d > since);
    if (days.length === 0 && until >= since) days.push(since);
    for (const due of days) add.push({ reason: 'insurance-renewal', due, since });
  }
  if (o.matures && o.matures >= since)
    add.push({ reason: 'maturity', due: latest(addDays(o.matures, -MATURITY_LEAD), since), since });
  return add;
}

/** What a car delivered on `date` is owed: its first service and, a year on, the anniversary greeting. */
export function afterSalesReminders(date: Day, firstServiceDays: number): ReminderDraft[] {
  return [
    { reason: 'first-service', due: addDays(date, firstServiceDays), since: date },
    { reason: 'anniversary', due: addMonths(date, 12), since: date },
  ];
}

const REASON_OF: Partial<Record<keyof OrderTerms, Reminder['reason']>> = {
  delivery: 'delivery-prep',
  insuranceUntil: 'insurance-renewal',
  matures: 'maturity',
};

interface DealChange {
  fields: DealFields;
  add: ReminderDraft[];
  clear: number[];
  /** The delivery day moved: the customer is owed a call to hear it. */
  callNow: boolean;
}

/**
 * `edit --delivery/--insurance-until/--matures`: a moved date takes its reminders along (the old
 * ones go, new ones come from today), and a moved delivery owes the customer a call.
 */
export function planDealChange(deal: Deal | null, reminders: Reminder[], change: OrderTerms, today: Day): DealChange {
  const fields: DealFields = definedOnly(change);
  const clear: number[] = [];
  const add: ReminderDraft[] = [];
  for (const key of ORDER_KEYS) {
    const value = change[key];
    if (value === undefined) continue;
    const reason = REASON_OF[key];
    if (!reason || (deal?.[key] ?? null) === value) continue;
    clear.push(...reminders.filter((r) => r.reason === reason).map((r) => r.id));
    if (key === 'delivery' && deal?.deliveredOn) continue;
    add.push(...orderReminders({ [key]: value }, today));
  }
  const callNow =
    change.delivery !== undefined &&
    !deal?.deliveredOn &&
    Boolean(deal?.delivery) &&
    deal?.delivery !== change.delivery;
  if (change.insuranceUntil !== undefined) fields.renewedOn = null;
  return { fields, add, clear, callNow };
}

/** Renewed: next year's policy runs a year on from the one that was due, and is chased in its turn. */
export function renewal(deal: Deal | null, date: Day): DealFields {
  return {
    renewedOn: date,
    ...(deal?.insuranceUntil ? { insuranceUntil: addMonths(deal.insuranceUntil, 12) } : {}),
  };
}

/** Days from the first contact to the signature: how long this customer took to decide. */
export function daysToOrder(first: Day, wonOn: Day): number {
  return Math.max(0, daysBetween(first, wonOn));
}
