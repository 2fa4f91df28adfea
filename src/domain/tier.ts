// Urgency tiers (seed 篇1 §6.2): individuals are graded by when they intend to buy, organisations by
// purchasing cycle × batch size. A tier set by hand stays; a derived one moves up as the date nears.
import { addDays, daysBetween, type Day } from './dates.js';
import { liveDeposit, type Deal } from './deal.js';
import { usage } from './errors.js';
import type { ProspectKind, Stage } from './vocab.js';

export const TIERS = ['O', 'A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export const isTier = (v: unknown): v is Tier => TIERS.some((t) => t === v);

/** The purchase window each tier stands for, in days: O within a week … C within six months. */
export const TIER_WINDOW: Record<Tier, number> = { O: 7, A: 30, B: 90, C: 180 };

export function parseTier(input: string): Tier {
  const t = TIERS.find((x) => x === input.trim().toUpperCase());
  if (t) return t;
  throw usage('badTier', { input });
}

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** ≤ 7 days O, ≤ 30 A, ≤ 90 B, else C. A date already passed stays O: it is as urgent as it gets. */
export function tierFromDays(days: number): Tier {
  if (days <= 7) return 'O';
  if (days <= 30) return 'A';
  if (days <= 90) return 'B';
  return 'C';
}

export function tierForDate(expected: Day, on: Day): Tier {
  return tierFromDays(daysBetween(on, expected));
}

/** `1w`, `1m`, `3m`, `6m` (and any `Nd`, `Nw`, `Nm`): a month counts 30 days so `1m` is always A. */
export function windowDays(input: string): number {
  const m = /^\s*(\d{1,3})\s*([dwm]|天|周|个月|月)\s*$/i.exec(input);
  if (!m) throw usage('badWithin', { input });
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'd' || unit === '天' ? n : unit === 'w' || unit === '周' ? n * 7 : n * 30;
}

export function expectedFromWindow(input: string, today: Day): Day {
  return addDays(today, windowDays(input));
}

export type Cycle = 'short' | 'long';
export type Batch = 'large' | 'small';

/**
 * Short cycle & large batches A, short & small B, long & large C. Long & small the seed leaves out:
 * it is kept as a reserve account on C's rhythm (organisation.ts `isReserve`), not refused.
 */
export function orgTier(cycle: Cycle, batch: Batch): Tier {
  if (cycle === 'short') return batch === 'large' ? 'A' : 'B';
  return 'C';
}

export function parseCycle(input: string): Cycle {
  const v = input.trim().toLowerCase();
  if (v === 'short' || v === '短') return 'short';
  if (v === 'long' || v === '长') return 'long';
  throw usage('badCycle', { input });
}

export function parseBatch(input: string): Batch {
  const v = input.trim().toLowerCase();
  if (v === 'large' || v === '大') return 'large';
  if (v === 'small' || v === '小') return 'small';
  throw usage('badBatch', { input });
}

export interface Graded {
  kind?: ProspectKind;
  tier: Tier;
  tierManual: boolean;
  expected: Day | null;
  stage?: Stage;
  deal?: Pick<Deal, 'depositOn' | 'holdUntil' | 'refundedOn'> | null;
}

/**
 * The tier that applies on a given day: O while a deposit holds the deal (issue 13: someone who paid
 * is as hot as it gets), else a hand-set tier as set, a derived one from the date.
 */
export function effectiveTier(p: Graded, on: Day): Tier {
  if (p.stage && liveDeposit(p.stage, p.deal, on)) return 'O';
  if (p.tierManual || !p.expected) return p.tier;
  return dateTier(p.kind, p.expected, on);
}

/**
 * The tier a purchase date gives. O means an individual buying within the week (篇1 §6.2); an
 * organisation is graded by cycle and batch, and a near date makes it A at most: a unit's purchase
 * goes through meetings and a tender, not a walk-in decision.
 */
export function dateTier(kind: ProspectKind | undefined, expected: Day, on: Day): Tier {
  const tier = tierForDate(expected, on);
  return kind === 'org' && tier === 'O' ? 'A' : tier;
}

/** Three conditions make a prospect (篇1 §4.1): a need, the means, the authority. */
export type Verdict = 'qualified' | 'not-priority' | 'not-prospect';

export function qualify(need: boolean, canPay: boolean, decides: boolean): Verdict {
  if (need && canPay) return decides ? 'qualified' : 'not-priority';
  return 'not-prospect';
}
