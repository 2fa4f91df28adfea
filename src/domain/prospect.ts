// The prospect as the rest of the program sees it; the JSON contract (SPEC §4) is this shape.
import type { Day } from './dates.js';
import type { Deal } from './deal.js';
import type { Gender } from './salutation.js';
import type { Trade } from './trade.js';
import { usage } from './errors.js';
import { TRIP_DUTIES } from './trip.js';
import type { Tier } from './tier.js';
import type { Kind, ProspectKind, Source, Stage } from './vocab.js';

export interface Prospect {
  id: number;
  name: string;
  /** As typed; may hold several numbers separated by commas or semicolons. */
  phone: string | null;
  /** Every number in `phone`, normalised to E.164, for matching. */
  phones: string[];
  wechat: string | null;
  email: string | null;
  kind: ProspectKind;
  org: string | null;
  source: Source | null;
  referredBy: number | null;
  interest: string | null;
  budget: string | null;
  expected: Day | null;
  tier: Tier;
  tierManual: boolean;
  orgCycle: string | null;
  orgBatch: string | null;
  stage: Stage;
  need: boolean | null;
  canPay: boolean | null;
  decides: boolean | null;
  birthday: string | null;
  /** A trip's first and last day (travel, 篇5); both or neither. */
  departs: Day | null;
  returns: Day | null;
  /** The trip's balance due date, as the contract names it. */
  balanceDue: Day | null;
  /** A birthday kept by the lunar calendar, as its lunar `MM-DD`; then `birthday` is null. */
  lunarBirthday: string | null;
  /** How to address them (王先生); null: from surname and gender, or the name. */
  salutation: string | null;
  gender: Gender | null;
  /** The trade this deal belongs to when it is not the book's (a car consultant's one house sale). */
  trade: Trade | null;
  note: string | null;
  lostReason: string | null;
  wonOn: Day | null;
  lostOn: Day | null;
  nextCallback: Day | null;
  created: string;
  updated: string;
  /** The deposit, order, delivery and after-sales dates, once any was recorded. */
  deal: Deal | null;
}

export interface Contact {
  id: number;
  prospectId: number;
  date: Day;
  kind: Kind;
  outcome: string | null;
  note: string | null;
  stage: Stage | null;
  objections: string[];
  created: string;
  /** At an organisation: whom the contact met (or spoke with), by name. */
  with?: string[];
}

/** What a reminder is for: every duty but the regular callback, which the prospect itself books. */
export const DUTIES = [
  'delivery-check',
  'birthday',
  'deposit-expiry',
  'thank-you',
  'top-up',
  'delivery-prep',
  'first-service',
  'insurance-renewal',
  'anniversary',
  'maturity',
  'appointment',
  'confirm-appointment',
  'milestone',
  // A trip's calls: trip.ts TRIP_DUTIES names them, the one list to ask "is this a trip's".
  ...TRIP_DUTIES,
] as const;
export const REASONS = ['callback', ...DUTIES] as const;
export type Reason = (typeof REASONS)[number];

/** A one-off duty the tool remembers for the consultant (everything but the regular callback). */
export interface Reminder {
  id: number;
  prospectId: number;
  /** A birthday is a reminder only once snoozed: otherwise it comes from the prospect's birthday. */
  reason: Exclude<Reason, 'callback'>;
  due: Day;
  /** The day of the event that created it: a later contact on or after it may clear it. */
  since: Day;
}

/** The fields a person can set with flags on add-prospect and edit. */
export interface ProspectFields {
  name?: string;
  phone?: string | null;
  wechat?: string | null;
  email?: string | null;
  kind?: ProspectKind;
  org?: string | null;
  source?: Source | null;
  referredBy?: number | null;
  interest?: string | null;
  budget?: string | null;
  expected?: Day | null;
  tier?: Tier;
  tierManual?: boolean;
  orgCycle?: string | null;
  orgBatch?: string | null;
  stage?: Stage;
  need?: boolean | null;
  canPay?: boolean | null;
  decides?: boolean | null;
  birthday?: string | null;
  lunarBirthday?: string | null;
  departs?: Day | null;
  returns?: Day | null;
  balanceDue?: Day | null;
  salutation?: string | null;
  gender?: Gender | null;
  trade?: Trade | null;
  note?: string | null;
  nextCallback?: Day | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(input: string): string {
  const value = input.trim();
  if (!EMAIL.test(value)) throw usage('badEmail', { input });
  return value;
}

/**
 * A partial change (flags given, columns read) carries `undefined` for what was not given: what it
 * says is only the rest. The same object without those keys, so a spread or a write leaves them alone.
 */
export function definedOnly<T extends object>(o: T): T {
  const out = { ...o };
  for (const [key, value] of Object.entries(out)) if (value === undefined) Reflect.deleteProperty(out, key);
  return out;
}
