// The prospect flags add-prospect and edit share, turned into checked domain fields.
import { countsFromADay, parseBirthday, parseDay, type Day } from '../domain/dates.js';
import { checkTrip } from '../domain/trip.js';
import { checkBirthday, checkCallback, checkExpected } from '../domain/date-rules.js';
import { usage } from '../domain/errors.js';
import { parseLunarBirthday } from '../domain/lunar-birthday.js';
import { definedOnly, parseEmail, type ProspectFields } from '../domain/prospect.js';
import { parseGender } from '../domain/salutation.js';
import { parseTrade } from '../domain/trade.js';
import { expectedFromWindow, orgTier, parseBatch, parseCycle, parseTier, dateTier } from '../domain/tier.js';
import { parseSource } from '../domain/vocab.js';
import { parseId } from '../domain/ids.js';
import type { Options } from '../specs.js';
import { yesNo } from './yes-no.js';

/** The prospect's details as edit takes them (add-prospect takes the same, its name as an argument). */
export type ProspectOptions = Omit<Options<'edit'>, 'force' | 'json'>;

/** The details that may be empty: what `--clear` can set to null. */
type Clearable = { [K in keyof ProspectFields]-?: null extends ProspectFields[K] ? K : never }[keyof ProspectFields];

/** Fields `--clear` can empty, by flag name. */
const CLEARABLE: Record<string, Clearable> = {
  phone: 'phone',
  wechat: 'wechat',
  email: 'email',
  org: 'org',
  source: 'source',
  'referred-by': 'referredBy',
  interest: 'interest',
  budget: 'budget',
  expected: 'expected',
  birthday: 'birthday',
  salutation: 'salutation',
  gender: 'gender',
  trade: 'trade',
  trip: 'departs',
  'balance-due': 'balanceDue',
  note: 'note',
  next: 'nextCallback',
};

const text = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());

/** How the tier was given: by hand, from a purchase date, or from organisation cycle × batch. */
export function tierFields(o: ProspectOptions, today: Day): Partial<ProspectFields> {
  const ways = [o.tier, o.within, o.expected, o.cycle ?? o.batch].filter((v) => v !== undefined).length;
  if (ways > 1) throw usage('tierConflict');
  if (o.tier !== undefined) return { tier: parseTier(o.tier), tierManual: true };
  const dated = (expected: Day) => ({
    expected,
    // Without --org the kind is the prospect's: effectiveTier derives the tier shown from the date
    // and the stored kind whenever it is read, so what is stored here is only a first value.
    tier: dateTier(o.org?.trim() ? 'org' : 'person', expected, today),
    tierManual: false,
  });
  if (o.within !== undefined) return dated(expectedFromWindow(o.within, today));
  if (o.expected !== undefined) return dated(checkExpected(parseDay(o.expected, today, 'future'), today));
  if (o.cycle !== undefined || o.batch !== undefined) {
    if (o.cycle === undefined || o.batch === undefined)
      throw usage('missingFields', { fields: '--cycle, --batch', flags: '--cycle short|long --batch large|small' });
    const cycle = parseCycle(o.cycle);
    const batch = parseBatch(o.batch);
    return { tier: orgTier(cycle, batch), tierManual: true, orgCycle: cycle, orgBatch: batch, kind: 'org' };
  }
  return {};
}

export function fieldsFromOptions(o: ProspectOptions, today: Day): ProspectFields {
  const f: ProspectFields = {};
  if (o.name !== undefined) {
    if (o.name.trim() === '') throw usage('emptyName');
    f.name = o.name.trim();
  }
  f.phone = text(o.phone);
  f.wechat = text(o.wechat);
  if (o.email !== undefined) f.email = o.email.trim() === '' ? null : parseEmail(o.email);
  if (o.org !== undefined) {
    f.org = text(o.org);
    f.kind = f.org ? 'org' : 'person';
  }
  if (o.source !== undefined) f.source = parseSource(o.source);
  if (o.referredBy !== undefined) f.referredBy = parseId(o.referredBy);
  f.interest = text(o.interest);
  f.budget = text(o.budget);
  Object.assign(f, tierFields(o, today));
  if (o.need !== undefined) f.need = yesNo(o.need);
  if (o.canPay !== undefined) f.canPay = yesNo(o.canPay);
  if (o.decides !== undefined) f.decides = yesNo(o.decides);
  if (o.birthday !== undefined) {
    // One birthday: a lunar one (农历三月初二) replaces a solar one and the other way round.
    const lunar = parseLunarBirthday(o.birthday);
    f.lunarBirthday = lunar ?? null;
    f.birthday = lunar ? null : checkBirthday(parseBirthday(o.birthday), today);
  }
  f.salutation = text(o.salutation);
  if (o.gender !== undefined) f.gender = o.gender.trim() === '' ? null : parseGender(o.gender);
  if (o.trade !== undefined) f.trade = o.trade.trim() === '' ? null : parseTrade(o.trade);
  // A trip is booked ahead, so a weekday (fri) means the coming one; a date typed in full may be
  // past (a customer just back, owed the quality call). Empty clears, as for every other field:
  // either date empty clears the whole trip, as --clear trip does.
  const tripDay = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : parseDay(v, today, 'future'));
  // A return typed as a weekday or +6d counts from the departure given with it: `--departs fri
  // --returns thu` is the Thursday after that Friday, not the one before it.
  const departs = tripDay(o.departs);
  const returns =
    departs && o.returns !== undefined && o.returns.trim() !== '' && countsFromADay(o.returns)
      ? parseDay(o.returns, departs, 'future')
      : tripDay(o.returns);
  if (departs === null || returns === null) Object.assign(f, { departs: null, returns: null, balanceDue: null });
  else Object.assign(f, { departs, returns });
  // Both typed: refused here, naming what was typed beside the day it meant.
  if (departs && returns) checkTrip(departs, returns, { departs: o.departs, returns: o.returns });
  if (o.balanceDue !== undefined && f.balanceDue === undefined) f.balanceDue = tripDay(o.balanceDue);
  f.note = text(o.note);
  if (o.next !== undefined) f.nextCallback = checkCallback(parseDay(o.next, today, 'future'), today);
  const given = new Set(
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k),
  );
  for (const name of o.clear ?? []) {
    const key = CLEARABLE[name.trim().toLowerCase()];
    if (!key) throw usage('badClear', { input: name, choices: Object.keys(CLEARABLE).join(', ') });
    // Set and cleared in one edit: which one was meant cannot be told.
    const covers: (keyof ProspectFields)[] = key === 'departs' ? ['departs', 'returns', 'balanceDue'] : [key];
    if (covers.some((k) => given.has(k))) throw usage('clearConflict', { field: name.trim() });
    f[key] = null;
    if (key === 'birthday') f.lunarBirthday = null;
    // A trip goes whole: both dates and the balance it was for.
    if (key === 'departs') Object.assign(f, { returns: null, balanceDue: null });
    if (key === 'org') f.kind = 'person';
    if (key === 'expected') f.tierManual = false;
  }
  return definedOnly(f);
}
