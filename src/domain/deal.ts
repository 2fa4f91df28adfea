// The deal after yes (issue 13): the deposit that makes a customer hot, the order, the hand-over and
// the after-sales dates a 4S store earns from. One row per prospect; the rules about it live here.
import { addDays, type Day } from './dates.js';
import { usage } from './errors.js';
import type { ReminderDraft } from './schedule.js';
import type { Stage } from './vocab.js';

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
  const n = Number(m[1]!.replace(/,/g, '')) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1000 : 10000) : 1);
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
  c: DepositTerms & { date: Day },
): DealFields | null {
  const running = deal?.depositOn && !deal.refundedOn;
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
  if (running && from === 'deposit' && to !== 'deposit' && !['won', 'delivered', 'follow-up'].includes(to)) {
    return { refundedOn: c.date };
  }
  return null;
}
