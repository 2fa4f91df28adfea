// A trade speaks its own words for the common stages (看房, not 试驾): the catalogue with the stage
// names swapped, so every screen that names a stage names it the trade's way.
import type { Trade } from '../domain/trade.js';
import type { Messages } from '../i18n/en.js';
import { labelOf } from '../i18n/label.js';

export function withTrade(t: Messages, trade: Trade): Messages {
  const names = labelOf(t.word.tradeStage, trade);
  return names ? { ...t, word: { ...t.word, stage: { ...t.word.stage, ...names } } } : t;
}
