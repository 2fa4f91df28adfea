// A spreadsheet row read as a prospect: dealer's own report columns or the headers consultants
// already use, each cell checked with the same rules as the command line. No I/O here.
import { parseAmount, type DealFields } from '../domain/deal.js';
import { DEAL_COLUMNS } from '../domain/exchange.js';
import { parse as parseWithPattern } from 'date-fns/parse';
import { parseBirthday, readDay, type Day } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { checkImportedDates } from '../domain/date-rules.js';
import { parseId } from '../domain/ids.js';
import type { HeaderMap } from '../domain/exchange.js';
import { normalisePhones, type PhoneParser } from '../domain/phone.js';
import { parseEmail, type ProspectFields } from '../domain/prospect.js';
import { firstCallback } from '../domain/schedule.js';
import type { Settings } from '../domain/settings.js';
import { parseTier, dateTier, type Tier } from '../domain/tier.js';
import { parseSource, parseStage, type Stage } from '../domain/vocab.js';
import { unDefuse } from '../output/csv.js';
import type { CsvRecord } from './csv.js';

/** Dates as spreadsheets write them: ISO first, then the year-first forms Excel and WPS produce. */
const DATE_FORMS = ['yyyy/M/d', 'yyyy-M-d', 'yyyy.M.d', 'yyyy年M月d日'];

export function readDate(text: string): Day {
  const v = text.trim().replace(/[ T].*$/, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return readDay(v, text);
  for (const form of DATE_FORMS) {
    const d = parseWithPattern(v, form, new Date(2000, 0, 1));
    if (!Number.isNaN(d.getTime())) {
      const year = String(d.getFullYear()).padStart(4, '0');
      return readDay(
        `${year}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
        text,
      );
    }
  }
  throw usage('badDate', { input: text });
}

/**
 * A birthday as spreadsheets write it: dealer's YYYY-MM-DD or MM-DD, any of the dates above, or a
 * month and day alone (3/5, 3月5日) when the year is not known.
 */
export function readBirthday(text: string): string {
  const v = text.trim().replace(/[ T].*$/, '');
  const md = /^(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/.exec(v);
  try {
    return parseBirthday(md ? `${md[1]}-${md[2]}` : v);
  } catch {
    try {
      return readDate(v);
    } catch {
      throw usage('badBirthday', { input: text });
    }
  }
}

export class Row {
  constructor(
    private readonly record: CsvRecord,
    private readonly map: HeaderMap,
  ) {}
  get line() {
    return this.record.line;
  }
  has(field: string): boolean {
    return field in this.map.at;
  }
  /** The cell as the user wrote it (formula guard undone), or undefined when empty or absent. */
  get(field: string): string | undefined {
    const i = this.map.at[field];
    const v = i === undefined ? undefined : unDefuse(this.record.cells[i] ?? '').trim();
    return v === '' ? undefined : v;
  }
  /** The cell read by `parse`, or null when empty or absent. */
  read<T>(field: string, parse: (text: string) => T): T | null {
    const v = this.get(field);
    return v === undefined ? null : parse(v);
  }
}

/** Which file column sets each field: --update changes only what the file has. */
export const SOURCE_COLUMN: Record<string, string> = {
  name: 'name',
  phone: 'phone',
  wechat: 'wechat',
  email: 'email',
  kind: 'org',
  org: 'org',
  source: 'source',
  referredBy: 'referred_by',
  interest: 'interest',
  budget: 'budget',
  expected: 'expected_purchase',
  tier: 'tier',
  tierManual: 'tier',
  stage: 'stage',
  birthday: 'birthday',
  note: 'note',
  lostReason: 'lost_reason',
  wonOn: 'won_on',
  nextCallback: 'next_callback',
};

export interface ProspectCandidate {
  id?: number;
  fields: ProspectFields & { name: string; lostReason?: string | null; wonOn?: Day | null };
  phones: string[];
  created: Day;
  /** The deal columns the row has (none: no deal row is written). */
  deal: DealFields;
}

const AMOUNTS = new Set(['deposit', 'top_up', 'order_price']);

/** The deal columns of a row: amounts as amounts, dates as dates, the model as text. */
function dealFrom(row: Row): DealFields {
  const deal: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(DEAL_COLUMNS)) {
    const v = row.get(column);
    if (v === undefined) continue;
    deal[field] = column === 'order_model' ? v : AMOUNTS.has(column) ? parseAmount(v) : readDate(v);
  }
  return deal;
}

/**
 * An import computes the same first callback for most rows (same day, few tiers): once each, per
 * import's settings — a later import in the same process (the tests run dealer in process) may have
 * other callback intervals.
 */
const firstCallbacks = new WeakMap<Settings, Map<string, Day>>();

function firstCallbackOf(settings: Settings, kind: 'person' | 'org', tier: Tier, created: Day): Day {
  const key = `${kind} ${tier} ${created}`;
  let known = firstCallbacks.get(settings);
  if (!known) firstCallbacks.set(settings, (known = new Map()));
  let day = known.get(key);
  if (!day) known.set(key, (day = firstCallback(settings, created)));
  return day;
}

export function prospectFrom(row: Row, today: Day, settings: Settings, parse?: PhoneParser): ProspectCandidate {
  const name = row.get('name');
  if (!name) throw usage('missingFields', { fields: 'name', flags: 'name' });
  const phone = row.get('phone');
  const wechat = row.get('wechat');
  if (!phone && !wechat) throw usage('missingFields', { fields: 'phone', flags: 'phone' });
  const id = row.get('id');
  const expected = row.read('expected_purchase', readDate);
  const tierText = row.get('tier');
  const org = row.get('org');
  const kind = org ? 'org' : 'person';
  // The date gives a tier by the one rule (dateTier): never O for an organisation.
  const tier = tierText ? parseTier(tierText) : expected ? dateTier(kind, expected, today) : 'C';
  // A tier that is what the date gives today is a derived tier, and keeps moving with the date.
  const tierManual = Boolean(tierText) && !(expected && dateTier(kind, expected, today) === tier);
  const stage: Stage = row.read('stage', parseStage) ?? 'new';
  const created = row.read('created', readDate) ?? today;
  const next = row.get('next_callback');
  const fields: ProspectCandidate['fields'] = {
    name,
    phone: phone ?? null,
    wechat: wechat ?? null,
    email: row.read('email', parseEmail),
    kind,
    org: org ?? null,
    source: row.read('source', parseSource),
    referredBy: row.read('referred_by', parseId),
    interest: row.get('interest') ?? null,
    budget: row.get('budget') ?? null,
    expected: expected || null,
    tier,
    tierManual,
    stage,
    birthday: row.read('birthday', readBirthday),
    note: row.get('note') ?? null,
    lostReason: row.get('lost_reason') ?? null,
    wonOn: row.read('won_on', readDate),
    nextCallback: next ? readDate(next) : stage === 'lost' ? null : firstCallbackOf(settings, kind, tier, created),
  };
  // A callback dealer worked out itself is not the file's to answer for.
  checkImportedDates(
    { ...fields, nextCallback: next ? fields.nextCallback : null },
    today,
    row.get('created') ? created : undefined,
  );
  return {
    id: id === undefined ? undefined : parseId(id),
    fields,
    phones: phone ? normalisePhones(phone, settings.region, parse) : [],
    created,
    deal: dealFrom(row),
  };
}
