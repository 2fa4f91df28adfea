// Trade profiles (issue 14.1): the seed covers five trades, not only cars. A trade renames the
// common funnel's stages (reports still compare, since every trade's stage IS a common stage),
// sets default cadences and a daily goal, and picks the scripts to open with. `car` is the
// default and changes nothing.
import { usage } from './errors.js';
import type { Reason } from './prospect.js';
import type { Tier } from './tier.js';
import { KINDS, parseStage, STAGES, wordKey, wordOf, type Kind, type Stage } from './vocab.js';
import { own } from './own.js';

export const TRADES = ['car', 'real-estate', 'insurance', 'travel', 'medical'] as const;
export type Trade = (typeof TRADES)[number];

export function parseTrade(input: string): Trade {
  const v = input.trim().toLowerCase();
  const aliases: Record<string, Trade> = {
    汽车: 'car', 房产: 'real-estate', 房地产: 'real-estate', realestate: 'real-estate', 保险: 'insurance',
    旅游: 'travel', 医疗: 'medical', 医疗设备: 'medical',
  };
  const hit = wordOf(TRADES, v) ?? own(aliases, input.trim());
  if (!hit) throw usage('badTrade', { input, choices: TRADES.join(', ') });
  return hit;
}

export interface TradeProfile {
  /** Days between callbacks by tier, where the trade's rhythm differs from the car defaults. */
  cadence?: Partial<Record<Tier, number>>;
  /** The same for organisations (a hospital), where it differs. */
  orgCadence?: Partial<Record<Tier, number>>;
  goal?: number;
  /** The script topic to open with, by stage, where it differs from the car's. */
  open?: Partial<Record<Stage, string>>;
  /** The topic whose keyed items are this trade's needs-analysis questions. */
  consult?: string;
  /** What a consultant of this trade types for a stage (its own words), in either language. */
  stageWords?: Record<string, Stage>;
  /**
   * A hand-over that starts after-sales calls (the first service, the purchase anniversary): the
   * car's. A trip that came home has its quality call (trip.ts) and no service; a policy or a house
   * has none the seed names.
   */
  afterSales?: true;
  /**
   * The sale is a trip: its own calls (trip.ts: the notice, check-ins, the quality call home) stand
   * in for the car's hand-over calls — no delivery-prep before `--delivery`, no second after-trip
   * call once `delivered` (home), which cannot come before the trip left.
   */
  trip?: true;
}

export const PROFILES: Record<Trade, TradeProfile> = {
  car: { afterSales: true },
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
  // 篇8: at a bank counter the first contact is the one that usually closes, and a second chance
  // is rare: someone who hesitated is called the next day, while the product is still on their
  // mind. The seed gives no daily number; short counter conversations come more often than visits.
  insurance: {
    cadence: { O: 1, A: 3 },
    goal: 15,
    consult: 'consult-insurance',
    open: {
      new: 'insurance',
      contacted: 'consult-insurance',
      consulted: 'insurance',
      presented: 'insurance',
      'test-drive': 'insurance',
      negotiating: 'insurance',
      deposit: 'insurance',
    },
    stageWords: {
      contact: 'contacted', 接触: 'contacted', explain: 'presented', 说明: 'presented',
      close: 'negotiating', 促成: 'negotiating', policy: 'won', 出单: 'won', review: 'follow-up', 保单检视: 'follow-up',
    },
  },
  // 篇5: 8-12 effective conversations a day; likely groups are reviewed at every evening meeting,
  // so a hot one hears from us every other day. The trip itself brings its own calls (trip.ts).
  travel: {
    trip: true,
    cadence: { O: 2, A: 5 },
    goal: 10,
    consult: 'consult-travel',
    open: {
      new: 'consult-travel',
      contacted: 'consult-travel',
      consulted: 'travel',
      presented: 'travel',
      'test-drive': 'travel',
      negotiating: 'travel',
      deposit: 'travel',
      won: 'travel',
      delivered: 'travel',
    },
    stageWords: {
      enquiry: 'contacted', 咨询: 'contacted', 询价: 'contacted', quote: 'presented', 报价: 'presented',
      itinerary: 'test-drive', 定行程: 'test-drive',
      deposit: 'deposit', 订金: 'deposit', signed: 'won', 签约: 'won', departed: 'won', 出行: 'won', 出团: 'won',
      returned: 'delivered', 返程: 'delivered', 回团: 'delivered',
    },
  },
  // 篇6: a hospital buys over months, through the department director, the dean and the equipment
  // office; each visit is planned from the notes of the last, so the rhythm is weeks, not days.
  medical: {
    cadence: { O: 7, A: 14, B: 30, C: 60 },
    orgCadence: { O: 7, A: 14, B: 30, C: 60 },
    goal: 5,
    consult: 'consult-medical',
    open: {
      new: 'consult-medical',
      contacted: 'consult-medical',
      consulted: 'medical',
      presented: 'medical',
      'test-drive': 'medical',
      negotiating: 'medical',
      deposit: 'medical',
    },
    stageWords: {
      department: 'contacted', 科室: 'contacted', dean: 'presented', 院长: 'presented', 院办: 'presented',
      'equipment-office': 'negotiating', 设备科: 'negotiating', tender: 'deposit', 招标: 'deposit',
      contract: 'won', 合同: 'won',
    },
  },
};

/** The trade a prospect is worked in: its own when it has one (a house buyer in a car book), else the book's. */
export function tradeFor(p: { trade?: Trade | null }, book: { trade: Trade }): Trade {
  return p.trade ?? book.trade;
}

/** The trade's own word for a stage, if it has one (看房 → presented). */
function shorthand(trade: Trade, input: string): Stage | undefined {
  const words = PROFILES[trade].stageWords ?? {};
  return own(words, wordKey(input)) ?? own(words, input.trim());
}

/**
 * A stage as typed for a prospect of `trade`. Its own words come first: every name the screens show
 * for it (`shown`: the trade's stage names in each language, so what is displayed is accepted back)
 * and the trade's shorthand; then the common funnel (咨询 is "consulted" in a car book, "enquiry"
 * for a trip). Another trade's word is refused, not silently taken: 签约 means nothing for a trip.
 */
export function parseStageFor(input: string, trade: Trade, shown: readonly Partial<Record<Stage, string>>[], choices: string): Stage {
  const typed = wordKey(input);
  for (const names of shown)
    for (const stage of STAGES) {
      const name = names[stage];
      if (name !== undefined && (wordKey(name) === typed || name === input.trim())) return stage;
    }
  const own = shorthand(trade, input);
  if (own) return own;
  let common: Stage;
  try {
    common = parseStage(input);
  } catch {
    throw usage('badStage', { input, choices });
  }
  // A test drive is the car's alone: every other trade names that step its own way (复看, 定行程).
  if (common === 'test-drive' && trade !== 'car') throw usage('badStage', { input, choices });
  return common;
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

/** A test drive is the car's contact alone (each trade names its own hand-over: 交房, 回团, 装机). */
const CAR_ONLY_KINDS: readonly Kind[] = ['test-drive'];

/** The kinds of contact a consultant of `trade` records. */
export function contactKinds(trade: Trade): Kind[] {
  return trade === 'car' ? [...KINDS] : KINDS.filter((k) => !CAR_ONLY_KINDS.includes(k));
}

/** A kind typed for a prospect of `trade`, refused (as `typed`) when that trade has no such contact. */
export function kindFor(kind: Kind, trade: Trade, typed: string): Kind {
  const kinds = contactKinds(trade);
  if (!kinds.includes(kind)) throw usage('badKind', { input: typed, choices: kinds.join(', ') });
  return kind;
}
