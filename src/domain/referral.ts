// Referrals closed (篇1 §5 友谊原则, 篇4): a referral closes far more often than a cold lead, so the
// person who gave it is thanked when they give it and again when it buys, and sees what came of it.
import { addDays, type Day } from './dates.js';
import type { ReminderDraft } from './schedule.js';
import { isCustomer, type Stage } from './vocab.js';

/** Thanks for a favour, owed on the day it was done (SPEC §2: after a favour). */
export function thanksForReferral(day: Day): ReminderDraft {
  return { reason: 'thank-you', due: day, since: day };
}

/** Their friend bought: tell them and thank them, the day after the signature like any thank-you. */
export function thanksForPurchase(wonOn: Day): ReminderDraft {
  return { reason: 'thank-you', due: addDays(wonOn, 1), since: wonOn };
}

export type Outcome = 'bought' | 'lost' | 'open';

export function outcomeOf(stage: Stage): Outcome {
  return isCustomer(stage) ? 'bought' : stage === 'lost' ? 'lost' : 'open';
}

export interface Referred {
  id: number;
  name: string;
  stage: Stage;
}

export interface ReferrerRow {
  referrerId: number;
  referrer: string;
  referred: number;
  bought: number;
  open: number;
  lost: number;
}

/** One row per referrer: how many they sent, and how many bought, are still open, were lost. */
export function referralTable(rows: { referrerId: number; referrer: string; stage: Stage }[]): ReferrerRow[] {
  const by = new Map<number, ReferrerRow>();
  for (const r of rows) {
    const row = by.get(r.referrerId) ?? {
      referrerId: r.referrerId,
      referrer: r.referrer,
      referred: 0,
      bought: 0,
      open: 0,
      lost: 0,
    };
    row.referred++;
    row[outcomeOf(r.stage)]++;
    by.set(r.referrerId, row);
  }
  return [...by.values()].sort((a, b) => b.bought - a.bought || b.referred - a.referred || a.referrerId - b.referrerId);
}
