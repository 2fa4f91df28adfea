// When to call next and what else is owed. Pure rules: the command gathers the prospect's state,
// these functions say what changes, the store writes it in one transaction.
import { addDays, addMonths, birthdayIn, type Day } from './dates.js';
import {
  afterSalesReminders,
  deadlineReminders,
  hasTerms,
  orderReminders,
  renewal,
  type DepositTerms,
  type OrderTerms,
} from './deal.js';
import type { Prospect, Reminder } from './prospect.js';
import type { Settings } from './settings.js';
import { PROFILES, tradeFor, type Trade } from './trade.js';
import { isTripDuty } from './trip.js';
import { effectiveTier, tierRank, type Tier } from './tier.js';
import { isClosed, isClosing, isCustomer, STAGES, type Kind, type ProspectKind, type Stage } from './vocab.js';

/**
 * Days to the next callback: the tier's cadence, or the keep-in-touch cadence once they bought. A
 * prospect of another trade than the book's keeps its own trade's rhythm (a house buyer in a car
 * book is still called every two days).
 */
export function cadenceDays(s: Settings, kind: ProspectKind, stage: Stage, tier: Tier, trade?: Trade | null): number {
  if (isCustomer(stage)) return s.cadence.customer;
  const own = trade && trade !== s.trade ? s.cadence.byTrade?.[trade]?.[kind] : undefined;
  return (own ?? s.cadence[kind])[tier];
}

/**
 * A new prospect's first callback: `cadence.new` days after the day it was added whatever the tier
 * (speed to lead, SPEC §4); the tier cadence applies from the first contact.
 */
export function firstCallback(s: Settings, added: Day): Day {
  return addDays(added, s.cadence.new);
}

/** Kinds that can carry a thank-you: a visit or test drive is not one, a call or message is. */
export const MESSAGE_KINDS: readonly Kind[] = ['call', 'sms', 'wechat', 'email'];

/** The day this year's birthday greeting falls on, when `date` is it (29 Feb on 28 Feb otherwise). */
export function birthdayOn(birthday: string | null, date: Day): Day | null {
  return birthday && birthdayIn(birthday, Number(date.slice(0, 4))) === date ? date : null;
}

export type ReminderDraft = Pick<Reminder, 'reason' | 'due' | 'since'>;

export interface Plan {
  stage: Stage;
  tier: Tier;
  nextCallback: Day | null;
  add: ReminderDraft[];
  /** Ids of reminders this event fulfils or makes moot. */
  clear: number[];
  /** A birthday greeted by this event: the day of that year's birthday. */
  greeted?: Day;
}

export type ProspectState = Pick<Prospect, 'kind' | 'stage' | 'tier' | 'tierManual' | 'expected' | 'nextCallback'> & {
  deal?: Prospect['deal'];
  trade?: Prospect['trade'];
};

export interface ContactEvent extends DepositTerms {
  date: Day;
  kind: Kind;
  stage?: Stage;
  next?: Day;
  /** The customer renewed their insurance in this contact (`visit --renewed`). */
  renewed?: boolean;
  /**
   * A contact from earlier history (`import visits`): the prospect as imported already says where it
   * stands, so the contact moves its stage forward only, never to a close, and books a callback only
   * for a prospect that had none when the history began (`rebook`).
   */
  history?: { rebook: boolean };
}

const rank = (s: Stage) => STAGES.indexOf(s);

/**
 * Which contact does a trip's call. The notice, a check-in and the quality call are talks with the
 * traveller: a call, a message or a visit on or after the day does them; a test drive or a hand-over
 * is not that talk. The balance is money, not a talk: a contact does not show it was paid, so only
 * `done` ticks it off. (The first contact of `add-prospect --met` is recorded before the trip is
 * planned, so it never counts as one of the trip's calls.)
 */
function tripDutyDone(r: Reminder, c: ContactEvent): boolean {
  if (!isTripDuty(r.reason) || r.reason === 'balance-due' || c.date < r.due) return false;
  return MESSAGE_KINDS.includes(c.kind) || c.kind === 'showroom' || c.kind === 'visit';
}

/** The stage a contact moves a prospect to when none is given: forward only, never out of lost. */
export function stageAfter(current: Stage, kind: Kind): Stage {
  if (current === 'lost') return current;
  if (kind === 'delivery' && rank(current) < rank('delivered')) return 'delivered';
  if (kind === 'test-drive' && rank(current) < rank('test-drive')) return 'test-drive';
  return current === 'new' ? 'contacted' : current;
}

/** Where a contact from history leaves a prospect: forward only, and only won/lost close a sale. */
export function stageFromHistory(current: Stage, reached: Stage): Stage {
  return isClosing(reached) || rank(reached) < rank(current) ? current : reached;
}

export function planContact(input: {
  prospect: ProspectState;
  /** The latest contact already recorded, by date: a back-dated contact does not reschedule. */
  latest: Day | null;
  /** Whether a showroom or on-site visit was recorded before: only the first one owes a thank-you. */
  visitedBefore: boolean;
  reminders: Reminder[];
  contact: ContactEvent;
  settings: Settings;
  birthday?: string | null;
}): Plan {
  const { prospect: p, contact: c, settings } = input;
  const holding = c.holdUntil !== undefined;
  let stage = c.stage ?? (hasTerms(c) ? 'deposit' : stageAfter(p.stage, c.kind));
  if (c.history) stage = stageFromHistory(p.stage, stage);
  const clear: number[] = [];
  const add: ReminderDraft[] = [];

  for (const r of input.reminders) {
    const done =
      // Only a message or call on or after its day sends the thank-you: a same-day test drive or
      // evening call after the first visit is part of that visit, not the thanks for it.
      (r.reason === 'thank-you' && MESSAGE_KINDS.includes(c.kind) && c.date >= r.due) ||
      (r.reason === 'birthday' && c.date >= r.due) ||
      (r.reason === 'delivery-check' && (c.date >= r.due || c.kind === 'delivery')) ||
      (r.reason === 'deposit-expiry' && (c.date >= r.due || holding || stage !== 'deposit')) ||
      (r.reason === 'top-up' && (c.date >= r.due || c.topUpBy !== undefined || stage !== 'deposit')) ||
      (r.reason === 'delivery-prep' && (c.date >= r.due || c.kind === 'delivery')) ||
      (r.reason === 'insurance-renewal' && (c.date >= r.due || c.renewed === true)) ||
      ((r.reason === 'first-service' ||
        r.reason === 'maturity' ||
        r.reason === 'anniversary' ||
        r.reason === 'confirm-appointment') &&
        c.date >= r.due) ||
      tripDutyDone(r, c);
    if (!done) continue;
    clear.push(r.id);
    // The anniversary comes round every year.
    if (r.reason === 'anniversary') add.push({ reason: 'anniversary', due: addMonths(r.due, 12), since: c.date });
    // The one-week check-up call closes delivery: from here on the customer is kept in touch with.
    if (r.reason === 'delivery-check' && c.kind !== 'delivery' && !c.stage && stage === 'delivered')
      stage = 'follow-up';
  }
  if ((c.kind === 'showroom' || c.kind === 'visit') && !input.visitedBefore) {
    add.push({ reason: 'thank-you', due: addDays(c.date, 1), since: c.date });
  }
  // Home from a trip, the quality call (trip.ts) is the after-trip call: no second one.
  if (c.kind === 'delivery' && !PROFILES[tradeFor(p, settings)].trip)
    add.push({ reason: 'delivery-check', due: addDays(c.date, 7), since: c.date });
  // The first hand-over starts the after-sales duties; a second delivery contact does not repeat them.
  if (c.kind === 'delivery' && !p.deal?.deliveredOn && PROFILES[tradeFor(p, settings)].afterSales)
    add.push(...afterSalesReminders(c.date, settings.firstService));
  if (c.renewed) {
    const next = renewal(p.deal ?? null, c.date).insuranceUntil;
    if (next) add.push(...orderReminders({ insuranceUntil: next }, c.date));
  }
  if (c.holdUntil !== undefined && stage === 'deposit')
    add.push(...deadlineReminders('deposit-expiry', c.holdUntil, c.date));
  if (c.topUpBy !== undefined && stage === 'deposit') add.push(...deadlineReminders('top-up', c.topUpBy, c.date));

  // The deal as it stands after this contact decides the tier: a deposit taken now makes them O.
  const terms = hasTerms(c) && stage === 'deposit';
  const tier = effectiveTier(
    {
      ...p,
      stage,
      deal: terms
        ? {
            depositOn: c.date,
            holdUntil: c.holdUntil ?? (p.deal?.depositOn && !p.deal.refundedOn ? p.deal.holdUntil : null),
            refundedOn: null,
          }
        : p.deal,
    },
    c.date,
  );
  const isLatest = input.latest === null || c.date >= input.latest;
  let nextCallback: Day | null;
  if (stage === 'lost') nextCallback = null;
  else if (c.next) nextCallback = c.next;
  else if (isLatest && (!c.history || c.history.rebook))
    nextCallback = addDays(c.date, cadenceDays(settings, p.kind, stage, tier, p.trade));
  else nextCallback = p.nextCallback;
  const greeted = birthdayOn(input.birthday ?? null, c.date);
  return { stage, tier, nextCallback, add, clear, ...(greeted ? { greeted } : {}) };
}

/**
 * A deal closed: thank them the next day (篇1 §6.1, after signing), then keep in touch on the customer
 * cadence; the check-up a week after delivery asks for referrals (篇1 §4.1 成交, §5).
 */
export function planWon(
  p: ProspectState,
  reminders: Reminder[],
  date: Day,
  settings: Settings,
  order: OrderTerms = {},
): Plan {
  // The one-week check-up counts from the hand-over (`delivered`), not from the signature: the
  // car may be weeks away. The order's dates (delivery, insurance, maturity) bring their own.
  return {
    stage: 'won',
    tier: p.tier,
    nextCallback: addDays(date, settings.cadence.customer),
    add: [
      { reason: 'thank-you', due: addDays(date, 1), since: date },
      ...orderReminders(order, date).filter(
        (r) => !(r.reason === 'delivery-prep' && PROFILES[tradeFor(p, settings)].trip),
      ),
    ],
    // Won before the trip is over (the contract signed, the group gone): its calls still lie ahead.
    clear: reminders.filter((r) => !isTripDuty(r.reason)).map((r) => r.id),
  };
}

/** Lost prospects are never due again: no callback, no reminders. */
export function planLost(p: ProspectState, reminders: Reminder[]): Plan {
  return { stage: 'lost', tier: p.tier, nextCallback: null, add: [], clear: reminders.map((r) => r.id) };
}

/**
 * A tier moved. A hotter tier pulls the next callback in to one new cadence after the last contact
 * (today at the latest, never into the past); a cooler tier leaves the date booked.
 */
export function callbackAfterRegrade(input: {
  prospect: ProspectState;
  newTier: Tier;
  anchor: Day;
  today: Day;
  settings: Settings;
}): Day | null {
  const { prospect: p, newTier, anchor, today, settings } = input;
  if (isClosed(p.stage)) return p.nextCallback;
  if (tierRank(newTier) >= tierRank(p.tier) && p.nextCallback) return p.nextCallback;
  let next = addDays(anchor, cadenceDays(settings, p.kind, p.stage, newTier, p.trade));
  if (next < today) next = today;
  return p.nextCallback && p.nextCallback < next ? p.nextCallback : next;
}
