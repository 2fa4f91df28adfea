// A stage typed for a prospect (`visit --stage`): the words its trade's screens show, in either
// language, are the words it accepts. Both catalogues are loaded only when a stage is typed.
import { parseStageFor, type Trade } from '../domain/trade.js';
import { STAGES, type Stage } from '../domain/vocab.js';
import { stageName } from '../output/trade.js';
import type { Messages } from '../i18n/en.js';
import { labelOf } from '../i18n/label.js';

const namesIn = (m: Messages, trade: Trade): Record<Stage, string> => ({
  ...m.word.stage,
  ...(labelOf(m.word.tradeStage, trade) ?? {}),
});

export async function stageWord(input: string, trade: Trade, t: Messages): Promise<Stage> {
  const [{ en }, { zh }] = await Promise.all([import('../i18n/en.js'), import('../i18n/zh.js')]);
  // Named as the screens name them for this prospect's trade: `t` already speaks the book's trade.
  const choices = STAGES.map((s) => stageName(t, s, trade)).join(t.ui.listSeparator);
  return parseStageFor(input, trade, [namesIn(en, trade), namesIn(zh, trade)], choices);
}
