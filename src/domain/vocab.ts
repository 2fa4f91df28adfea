// The fixed vocabularies a consultant types: stages, contact kinds, lead sources. Each accepts its
// English key and the Chinese words a 4S-store consultant would use, so either language works.
import { usage, type ErrorCode } from './errors.js';
import { own } from './own.js';

/** A typed word as the vocabularies key it: `Test Drive`, `test_drive` → `test-drive`. */
export const wordKey = (input: string) =>
  input
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');

/** The vocabulary's word for what was typed: its key in any case or spacing, or one of its aliases. */
export function lookupWord<T extends string>(values: readonly T[], aliases: Record<string, T>, input: string): T | undefined {
  const v = wordKey(input);
  return values.find((x) => x === v) ?? own(aliases, v) ?? own(aliases, input.trim());
}

function reader<T extends string>(values: readonly T[], aliases: Record<string, T>, code: ErrorCode) {
  return (input: string): T => {
    const hit = lookupWord(values, aliases, input);
    if (hit) return hit;
    throw usage(code, { input, choices: values.join(', ') });
  };
}

/** The sales process (篇1 §4.1), in order; `lost` can happen at any point. */
export const STAGES = [
  'new',
  'contacted',
  'consulted',
  'presented',
  'test-drive',
  'negotiating',
  'deposit',
  'won',
  'delivered',
  'follow-up',
  'lost',
] as const;
export type Stage = (typeof STAGES)[number];

export const parseStage = reader<Stage>(
  STAGES,
  {
    新: 'new',
    新客户: 'new',
    已联系: 'contacted',
    接待: 'contacted',
    contact: 'contacted',
    needs: 'consulted',
    'needs-analysed': 'consulted',
    consult: 'consulted',
    咨询: 'consulted',
    需求分析: 'consulted',
    present: 'presented',
    presentation: 'presented',
    产品介绍: 'presented',
    介绍: 'presented',
    demo: 'test-drive',
    testdrive: 'test-drive',
    试驾: 'test-drive',
    试乘试驾: 'test-drive',
    negotiate: 'negotiating',
    negotiation: 'negotiating',
    协商: 'negotiating',
    谈判: 'negotiating',
    定金: 'deposit',
    订金: 'deposit',
    下定: 'deposit',
    sold: 'won',
    signed: 'won',
    成交: 'won',
    签约: 'won',
    delivery: 'delivered',
    交车: 'delivered',
    followup: 'follow-up',
    跟踪: 'follow-up',
    回访: 'follow-up',
    战败: 'lost',
    流失: 'lost',
    放弃: 'lost',
  },
  'badStage',
);

/** Stages where the prospect has bought: tier cadence no longer applies, keeping in touch does. */
export const CUSTOMER_STAGES = ['won', 'delivered', 'follow-up'] as const satisfies readonly Stage[];

/** Stages where the sale is over, bought or lost: no tier to regrade, nothing left to win. */
export const CLOSED_STAGES = [...CUSTOMER_STAGES, 'lost'] as const satisfies readonly Stage[];

/**
 * The stages only `dealer won` and `dealer lost` may set: they keep the date and the reason the
 * reports need, so a contact cannot reach them by its stage.
 */
export const CLOSING_STAGES = ['won', 'lost'] as const satisfies readonly Stage[];

const among = (list: readonly Stage[]) => (stage: Stage) => list.includes(stage);
export const isCustomer: (stage: Stage) => boolean = among(CUSTOMER_STAGES);
export const isClosed: (stage: Stage) => boolean = among(CLOSED_STAGES);
export const isClosing: (stage: Stage) => boolean = among(CLOSING_STAGES);

export const KINDS = [
  'call',
  'showroom',
  'visit',
  'test-drive',
  'sms',
  'wechat',
  'email',
  'delivery',
  'other',
] as const;
export type Kind = (typeof KINDS)[number];

export const parseKind = reader<Kind>(
  KINDS,
  {
    phone: 'call',
    电话: 'call',
    来电: 'call',
    去电: 'call',
    'walk-in': 'showroom',
    到店: 'showroom',
    展厅: 'showroom',
    进店: 'showroom',
    拜访: 'visit',
    上门: 'visit',
    meeting: 'visit',
    demo: 'test-drive',
    testdrive: 'test-drive',
    试驾: 'test-drive',
    text: 'sms',
    短信: 'sms',
    微信: 'wechat',
    weixin: 'wechat',
    mail: 'email',
    邮件: 'email',
    交车: 'delivery',
    其他: 'other',
  },
  'badKind',
);

export const SOURCES = ['walk-in', 'phone', 'referral', 'web', 'event', 'existing-customer', 'other'] as const;
export type Source = (typeof SOURCES)[number];

export const parseSource = reader<Source>(
  SOURCES,
  {
    walkin: 'walk-in',
    到店: 'walk-in',
    自然到店: 'walk-in',
    进店: 'walk-in',
    展厅: 'walk-in',
    call: 'phone',
    电话: 'phone',
    来电: 'phone',
    referred: 'referral',
    转介绍: 'referral',
    介绍: 'referral',
    推荐: 'referral',
    internet: 'web',
    online: 'web',
    网络: 'web',
    网站: 'web',
    线上: 'web',
    汽车之家: 'web',
    懂车帝: 'web',
    show: 'event',
    'auto-show': 'event',
    活动: 'event',
    车展: 'event',
    existing: 'existing-customer',
    customer: 'existing-customer',
    老客户: 'existing-customer',
    保有客户: 'existing-customer',
    其他: 'other',
  },
  'badSource',
);

export const OBJECTIONS = ['price', 'spouse', 'compare', 'later'] as const;
export type Objection = (typeof OBJECTIONS)[number];

export const parseObjection = reader<Objection>(
  OBJECTIONS,
  {
    cost: 'price',
    discount: 'price',
    价格: 'price',
    太贵: 'price',
    优惠: 'price',
    wife: 'spouse',
    husband: 'spouse',
    family: 'spouse',
    家人: 'spouse',
    商量: 'spouse',
    老婆: 'spouse',
    老公: 'spouse',
    brand: 'compare',
    competitor: 'compare',
    比较: 'compare',
    对比: 'compare',
    竞品: 'compare',
    'not-now': 'later',
    wait: 'later',
    不急: 'later',
    再看看: 'later',
    以后: 'later',
  },
  'badObjection',
);

/** A prospect is a person or an organisation (graded by purchasing cycle and batch). */
export const PROSPECT_KINDS = ['person', 'org'] as const;
export type ProspectKind = (typeof PROSPECT_KINDS)[number];

/**
 * A closed vocabulary (trades, kinds, customer types) checked against what was typed or stored: the
 * word itself, typed as one of the list, or undefined for the caller to refuse or fall back.
 */
export function wordOf<T extends string>(words: readonly T[], v: unknown): T | undefined {
  return words.find((w) => w === v);
}
