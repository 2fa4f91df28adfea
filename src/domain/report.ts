// The summaries `dealer report` computes: the sales funnel, daily activity against the goal, and
// how well the consultant's grades predicted when people bought.
import { addDays, daysBetween, type Day } from './dates.js';
import { TIER_WINDOW, TIERS, type Tier } from './tier.js';
import { KINDS, STAGES, isCustomer, wordOf, type Stage } from './vocab.js';

/** The funnel's steps: the sale in order, without follow-up (after) and lost (beside). */
export const FUNNEL: Stage[] = STAGES.filter((s) => s !== 'follow-up' && s !== 'lost');

const rank = (s: string) => STAGES.findIndex((x) => x === s);
const asStage = (s: string) => wordOf(STAGES, s);

/** The furthest stage of the sale a prospect reached, from its current stage and its history. */
export function furthest(stage: string, logged: string | null): Stage {
  const seen = [stage, ...(logged ? logged.split(',') : [])]
    .map(asStage)
    .filter((s): s is Stage => s !== undefined && s !== 'lost');
  if (seen.some(isCustomer)) return seen.includes('delivered') || seen.includes('follow-up') ? 'delivered' : 'won';
  return seen.sort((a, b) => rank(b) - rank(a))[0] ?? 'new';
}

export interface FunnelRow {
  source: string;
  stage: Stage | 'lost';
  reached: number;
  /** Of those who reached the step before, the percentage who reached this one. */
  conversion: number | null;
}

export function funnel(prospects: { source: string | null; stage: string; logged: string | null }[]): FunnelRow[] {
  const groups = new Map<string, typeof prospects>([['all', prospects]]);
  for (const p of prospects) {
    const key = p.source ?? 'unknown';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const rows: FunnelRow[] = [];
  for (const [source, list] of groups) {
    const reached = FUNNEL.map((step) => list.filter((p) => rank(furthest(p.stage, p.logged)) >= rank(step)).length);
    FUNNEL.forEach((stage, i) => {
      const before = i === 0 ? null : (reached[i - 1] ?? 0);
      const now = reached[i] ?? 0;
      rows.push({
        source,
        stage,
        reached: now,
        conversion: before ? Math.round((1000 * now) / before) / 10 : null,
      });
    });
    rows.push({ source, stage: 'lost', reached: list.filter((p) => p.stage === 'lost').length, conversion: null });
  }
  return rows;
}

export interface ActivityRow {
  date: Day;
  counts: Record<string, number>;
  total: number;
  goal: number;
  met: boolean;
}

export function activity(
  perDay: { date: Day; kind: string; n: number }[],
  from: Day,
  to: Day,
  goal: number,
): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const counts: Record<string, number> = Object.fromEntries(KINDS.map((k) => [k, 0]));
    for (const r of perDay) if (r.date === d) counts[r.kind] = (counts[r.kind] ?? 0) + r.n;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    rows.push({ date: d, counts, total, goal, met: total >= goal });
  }
  return rows;
}

export interface CalibrationRow {
  tier: Tier;
  graded: number;
  /** Bought within the tier's window of being graded. */
  within: number;
  later: number;
  lost: number;
  /** Neither bought nor lost yet. */
  open: number;
  withinPct: number | null;
}

/** For each tier: of the prospects graded so, how many bought within the window, later, or not. */
export function calibration(grades: { tier: string; day: Day; wonOn: Day | null; stage: string }[]): CalibrationRow[] {
  return TIERS.map((tier) => {
    const mine = grades.filter((g) => g.tier === tier);
    const within = mine.filter((g) => g.wonOn && daysBetween(g.day, g.wonOn) <= TIER_WINDOW[tier]).length;
    const later = mine.filter((g) => g.wonOn && daysBetween(g.day, g.wonOn) > TIER_WINDOW[tier]).length;
    const lost = mine.filter((g) => !g.wonOn && g.stage === 'lost').length;
    const open = mine.length - within - later - lost;
    return {
      tier,
      graded: mine.length,
      within,
      later,
      lost,
      open,
      withinPct: mine.length ? Math.round((1000 * within) / mine.length) / 10 : null,
    };
  });
}
