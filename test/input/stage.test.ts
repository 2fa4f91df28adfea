// A stage word shown on a screen is accepted back, for the prospect's own trade (finding 4, 13).
import { describe, expect, it } from 'vitest';
import { stageWord } from '../../src/input/stage.js';
import { TRADES } from '../../src/domain/trade.js';
import { STAGES } from '../../src/domain/vocab.js';
import { DealerError } from '../../src/domain/errors.js';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { labelOf } from '../../src/i18n/label.js';

describe('stage words', () => {
  it('every stage name a trade shows, in English and Chinese, is read back as that stage', async () => {
    for (const trade of TRADES)
      for (const t of [en, zh]) {
        const names = { ...t.word.stage, ...(labelOf(t.word.tradeStage, trade) ?? {}) };
        for (const stage of STAGES) expect(await stageWord(names[stage], trade, en), `${trade} ${names[stage]}`).toBe(stage);
      }
  });

  it("a word means what the prospect's trade says: 咨询 is an enquiry for a trip, needs analysed for a car", async () => {
    expect(await stageWord('咨询', 'travel', zh)).toBe('contacted');
    expect(await stageWord('咨询', 'car', zh)).toBe('consulted');
    expect(await stageWord('看房', 'real-estate', zh)).toBe('presented');
  });

  it("another trade's word is refused, and the hint lists this trade's own words", async () => {
    const err = await stageWord('看房', 'travel', zh).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DealerError);
    expect((err as DealerError).code).toBe('badStage');
    expect(String(zh.hint.badStage((err as DealerError).params as Record<string, string>))).toContain('已报价');
  });
});
