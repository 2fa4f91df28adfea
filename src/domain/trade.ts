// Trade profiles (issue 14.1): the seed covers five trades, not only cars. A trade renames the
// common funnel's stages (reports still compare, since every trade's stage IS a common stage),
// sets default cadences and a daily goal, and picks the scripts to open with. `car` is the
// default and changes nothing.
import { usage } from './errors.js';
import type { Reason } from './prospect.js';
import type { Tier } from './tier.js';
import { parseStage, type Stage } from './vocab.js';
import { wordOf } from './words.js';

export const TRADES = ['car', 'real-estate', 'insurance', 'travel', 'medical'] as const;
export type Trade = (typeof TRADES)[number];

export function parseTrade(input: string): Trade {
  const v = input.trim().toLowerCase();
  const aliases: Record<string, Trade> = {
    汽车: 'car', 房产: 'real-estate', 房地产: 'real-estate', realestate: 'real-estate', 保险: 'insurance',
    旅游: 'travel', 医疗: 'medical', 医疗设备: 'medical',
  };
  const hit = wordOf(TRADES, v) ?? aliases[input.trim()];
  if (!hit) throw usage('badTrade', { input, choices: TRADES.join(', ') });
  return hit;
}

export interface TradeProfile {
  /** Days between callbacks by tier, where the trade's rhythm differs from the car defaults. */
  cadence?: Partial<Record<Tier, number>>;
  goal?: number;
  /** The script topic to open with, by stage, where it differs from the car's. */
  open?: Partial<Record<Stage, string>>;
  /** The topic whose keyed items are this trade's needs-analysis questions. */
  consult?: string;
  /** What a consultant of this trade types for a stage (its own words), in either language. */
  stageWords?: Record<string, Stage>;
}

export const PROFILES: Record<Trade, TradeProfile> = {
  car: {},
  // 篇4: hot buyers every two or three days; deposits and signing are the real-estate sheet's.
  'real-estate': {
    cadence: { O: 2, A: 3 },
    goal: 8,
    consult: 'consult-real-estate',
    open: {
      new: 'reception',
      contacted: 'consult-real-estate',
      consulted: 'real-estate',
      presented: 'real-estate',
      'test-drive': 'real-estate',
      negotiating: 'real-estate',
      deposit: 'real-estate',
      won: 'real-estate',
    },
    stageWords: {
      visit: 'contacted', visited: 'contacted', 到访: 'contacted', 已到访: 'contacted',
      viewing: 'presented', 看房: 'presented', 带看: 'presented', 已带看: 'presented',
      'second-viewing': 'test-drive', 复看: 'test-drive',
      'small-deposit': 'negotiating', 小定: 'negotiating', 已交小定: 'negotiating',
      'full-deposit': 'deposit', 大定: 'deposit', 已交大定: 'deposit',
      signing: 'won', signed: 'won', 签约: 'won', 已签约: 'won',
      handover: 'delivered', 交房: 'delivered', 已交房: 'delivered',
    },
  },
  insurance: {
    open: { new: 'insurance', contacted: 'insurance', consulted: 'insurance', presented: 'insurance', negotiating: 'insurance', deposit: 'insurance' },
    stageWords: {
      contact: 'contacted', 接触: 'contacted', explain: 'presented', 说明: 'presented',
      close: 'negotiating', 促成: 'negotiating', policy: 'won', 出单: 'won', review: 'follow-up', 保单检视: 'follow-up',
    },
  },
  travel: {
    stageWords: {
      enquiry: 'contacted', 咨询: 'contacted', quote: 'presented', 报价: 'presented',
      deposit: 'deposit', 订金: 'deposit', departed: 'won', 出行: 'won', returned: 'delivered', 返程: 'delivered',
    },
  },
  medical: {
    open: { new: 'medical', contacted: 'medical', consulted: 'medical', presented: 'medical', negotiating: 'medical', deposit: 'medical' },
    stageWords: {
      department: 'contacted', 科室: 'contacted', dean: 'presented', 院长: 'presented', 院办: 'presented',
      'equipment-office': 'negotiating', 设备科: 'negotiating', tender: 'deposit', 招标: 'deposit',
      contract: 'won', 合同: 'won',
    },
  },
};

/** The trade's own word for a stage, if it has one (看房 → presented). */
export function tradeStage(trade: Trade, input: string): Stage | undefined {
  const words = PROFILES[trade].stageWords ?? {};
  return words[input.trim().toLowerCase().replace(/[_\s]+/g, '-')] ?? words[input.trim()];
}

/**
 * A stage as any trade's consultant types it (看房, signing, 设备科) or as the common funnel names it.
 * No two trades give one word different stages, so the book's trade need not be known yet.
 */
export function parseStageWord(input: string): Stage {
  for (const trade of TRADES) {
    const hit = tradeStage(trade, input);
    if (hit) return hit;
  }
  return parseStage(input);
}

/** The topic holding the trade's needs-analysis questions. */
export function consultTopic(trade: Trade): string {
  return PROFILES[trade].consult ?? 'consult';
}

/** The trade's script for a stage, where it has its own; undefined keeps the common choice. */
export function tradeOpening(trade: Trade, stage: Stage, reason: Reason): string | undefined {
  if (reason !== 'callback') return undefined;
  return PROFILES[trade].open?.[stage];
}
