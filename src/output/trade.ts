// A trade speaks its own words for the common stages (看房, not 试驾): the catalogue with the stage
// names swapped, so every screen that names a stage names it the trade's way.
import type { Stage } from '../domain/vocab.js';
import type { Trade } from '../domain/trade.js';
import type { Messages } from '../i18n/en.js';
import { labelOf } from '../i18n/label.js';

/** Each renamed catalogue's original: a prospect of another trade is named from it. */
const BASE = new WeakMap<Messages, Messages>();

export function withTrade(t: Messages, trade: Trade): Messages {
  const base = BASE.get(t) ?? t;
  const names = labelOf(base.word.tradeStage, trade);
  if (!names) return base;
  // The hand-over is the trade's too: a trip comes home (回团), a house is handed over (交房).
  const deal = labelOf(base.word.tradeDeal, trade);
  const renamed = {
    ...base,
    word: {
      ...base.word,
      stage: { ...base.word.stage, ...names },
      kind: { ...base.word.kind, ...deal?.kind },
      reason: { ...base.word.reason, ...deal?.reason },
    },
    ui: deal
      ? {
          ...base.ui,
          field: { ...base.ui.field, delivery: deal.field },
          deliveryDates: (p: Parameters<Messages['ui']['deliveryDates']>[0]) =>
            p.done ? `${deal.done} ${p.done}` : base.ui.deliveryDates(p),
        }
      : base.ui,
  };
  BASE.set(renamed, base);
  return renamed;
}

/**
 * A stage as the prospect's own trade names it (a house sale in a car book says 已带看); without
 * a trade of its own, as the book's trade does.
 */
export function stageName(t: Messages, stage: Stage, trade?: Trade | null): string {
  if (!trade) return t.word.stage[stage];
  const base = BASE.get(t) ?? t;
  return labelOf(base.word.tradeStage, trade)?.[stage] ?? base.word.stage[stage];
}
