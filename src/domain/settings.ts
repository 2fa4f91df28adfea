// Settings live in the database (one file holds everything). Each key has a default, so a fresh
// book works with the seed's numbers, and a reader that refuses values that would break scheduling.
import { usage } from './errors.js';
import { readAlarm } from './calendar.js';
import { REGIONS } from './phone.js';
import { TIERS, type Tier } from './tier.js';
import { parseTrade, PROFILES, TRADES, type Trade } from './trade.js';
import { wordOf } from './vocab.js';
import { own } from './own.js';

export interface Settings {
  /** `new`: days from being added to the first call when nobody has spoken to them yet. */
  cadence: {
    person: Record<Tier, number>;
    org: Record<Tier, number>;
    customer: number;
    new: number;
    /** Each trade's default rhythm, for a prospect of another trade than the book's (hand-set values are the book's trade's). */
    byTrade?: Partial<Record<Trade, Record<'person' | 'org', Record<Tier, number>>>>;
  };
  /** Days an unsent thank-you stays on the list past its day before it is too late to send. */
  lapse: number;
  goal: number;
  consultant: string;
  store: string;
  lang: string;
  region: string;
  bom: boolean;
  /** When an all-day duty reminds on its day (`09:00`), or `none`. */
  alarm: string;
  /** Days from delivery to the first service, when the customer is called to book it. */
  firstService: number;
  /** The consultant's trade: its stage names, rhythm and scripts. */
  trade: Trade;
}

type Reader = (value: string, key: string) => string;

// Plain decimal digits, as ids are read (ids.ts): Number() would take 0b11, 0x10, 1e1 and "".
const whole = (value: string) => (/^\s*[0-9]{1,6}\s*$/.test(value) ? Number(value) : NaN);

const days: Reader = (value, key) => {
  const n = whole(value);
  if (!Number.isInteger(n) || n < 1 || n > 365) throw usage('badSettingDays', { key, input: value });
  return String(n);
};
const count: Reader = (value, key) => {
  const n = whole(value);
  if (!Number.isInteger(n) || n < 0 || n > 500) throw usage('badSettingCount', { key, input: value });
  return String(n);
};
const text: Reader = (value) => value.trim();
const oneOf =
  (choices: string[]): Reader =>
  (value, key) => {
    const v = value.trim();
    const hit = choices.find((c) => c.toLowerCase() === v.toLowerCase());
    if (hit === undefined)
      throw usage('badSettingChoice', { key, input: value, choices: choices.filter(Boolean).join(', ') });
    return hit;
  };

// Individuals: the seed's cadence (O twice a week, A weekly, B twice a month, C every two months).
// Organisations: the seed calls their cadence irregular; these defaults are the SPEC's.
const PERSON: Record<Tier, number> = { O: 3, A: 7, B: 15, C: 60 };
const ORG: Record<Tier, number> = { O: 3, A: 7, B: 14, C: 30 };

export const SETTING_KEYS: Record<string, { fallback: string; read: Reader }> = {
  ...Object.fromEntries(TIERS.map((t) => [`cadence.person.${t}`, { fallback: String(PERSON[t]), read: days }])),
  ...Object.fromEntries(TIERS.map((t) => [`cadence.org.${t}`, { fallback: String(ORG[t]), read: days }])),
  // After a sale the tier no longer applies; a customer is kept in touch with (篇1 §8 跟踪).
  'cadence.customer': { fallback: '90', read: days },
  // Speed to lead: a new enquiry gets its first call the next day, whatever its tier.
  'cadence.new': { fallback: '1', read: days },
  // A thank-you a week late reads as an afterthought: after these days it is dropped.
  'reminder.lapse': { fallback: '3', read: days },
  // 篇5 asks for 8-12 effective conversations a day.
  'goal.daily': { fallback: '10', read: count },
  'consultant.name': { fallback: '', read: text },
  'store.name': { fallback: '', read: text },
  lang: { fallback: '', read: oneOf(['', 'en', 'zh']) },
  'phone.region': { fallback: 'CN', read: oneOf(REGIONS) },
  'report.bom': { fallback: 'false', read: oneOf(['true', 'false']) },
  // Most makers ask for the first service within about three months of delivery.
  'aftersales.first-service': { fallback: '90', read: days },
  // A duty is for the working day: remind as it starts, not at midnight.
  'calendar.alarm': { fallback: '09:00', read: (value, key) => readAlarm(value, key) },
  // A trade's cadences and goal are defaults: a value set by hand still wins.
  trade: { fallback: 'car', read: (value) => parseTrade(value) },
};

/** Other names a consultant may use for a setting: greetings sign with "me" and "my store". */
const ALIASES: Record<string, string> = { 'me.name': 'consultant.name', 'me.store': 'store.name' };

export function canonicalKey(key: string): string {
  return own(ALIASES, key.trim().toLowerCase()) ?? key;
}

/** The setting's spec; an unknown key is a usage error listing the known ones. */
export function checkKey(key: string): { fallback: string; read: Reader } {
  const spec = own(SETTING_KEYS, key);
  if (!spec) throw usage('unknownSetting', { key, choices: Object.keys(SETTING_KEYS).join(', ') });
  return spec;
}

export function checkSetting(key: string, value: string): string {
  return checkKey(key).read(value, key);
}

/** The book's trade; a word no version of dealer wrote (a damaged book) reads as the default, car. */
const tradeOf = (stored: Record<string, string>): Trade => wordOf(TRADES, stored.trade ?? 'car') ?? 'car';

/** A setting's value when not set: the trade's (real estate calls hot buyers every 2 days), else dealer's. */
export function defaultFor(key: string, stored: Record<string, string>): string {
  const profile = PROFILES[tradeOf(stored)];
  const [, kind, letter] = /^cadence\.(person|org)\.([OABC])$/.exec(key) ?? [];
  const tier = wordOf(TIERS, letter);
  const byTrade = tier
    ? (kind === 'org' ? profile.orgCadence : profile.cadence)?.[tier]
    : key === 'goal.daily'
      ? profile.goal
      : undefined;
  return byTrade !== undefined ? String(byTrade) : SETTING_KEYS[key].fallback;
}

/** Builds typed settings from stored key/value rows; missing keys take their defaults. */
export function settingsFrom(stored: Record<string, string>): Settings {
  const trade = tradeOf(stored);
  const get = (key: string) => stored[key] ?? defaultFor(key, stored);
  const tiers = (prefix: string, as: Record<string, string> = stored): Record<Tier, number> => {
    const days = (tier: Tier) => Number(as[`${prefix}.${tier}`] ?? defaultFor(`${prefix}.${tier}`, as));
    return { O: days('O'), A: days('A'), B: days('B'), C: days('C') };
  };
  // A cadence set by hand (`config set cadence.person.O 5`) is the consultant's rhythm for the book's
  // own trade; a deal of another trade keeps that trade's defaults, not the car numbers typed for cars.
  const byTrade = Object.fromEntries(
    TRADES.map((other) => {
      const as = { trade: other };
      return [other, { person: tiers('cadence.person', as), org: tiers('cadence.org', as) }];
    }),
  );
  return {
    cadence: {
      person: tiers('cadence.person'),
      org: tiers('cadence.org'),
      customer: Number(get('cadence.customer')),
      new: Number(get('cadence.new')),
      byTrade,
    },
    lapse: Number(get('reminder.lapse')),
    goal: Number(get('goal.daily')),
    consultant: get('consultant.name'),
    store: get('store.name'),
    lang: get('lang'),
    region: get('phone.region'),
    bom: get('report.bom') === 'true',
    alarm: get('calendar.alarm'),
    firstService: Number(get('aftersales.first-service')),
    trade,
  };
}
