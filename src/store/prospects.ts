// Prospects and their phone numbers: the only place their SQL lives.
import type { Day } from '../domain/dates.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import type { Tier } from '../domain/tier.js';
import { TRADES } from '../domain/trade.js';
import { halfWidth } from '../domain/phone.js';
import { CLOSED_STAGES, CUSTOMER_STAGES, SOURCES, type Stage } from '../domain/vocab.js';
import { countRows, prepared, sqlList, type DB } from './db.js';
import { DEAL_JSON, dealFromJson } from './deals.js';
import {
  cells,
  fields,
  int,
  maybe,
  intOrNull,
  oneOf,
  orNull,
  readProspectKind,
  readStage,
  readTier,
  text,
  textList,
  textOrNull,
} from './decode.js';
import { assertNextIdSafe } from './ids.js';

/** Field name in the domain → column in the prospect table. */
const COLUMNS: Record<keyof ProspectFields, string> = {
  name: 'name',
  phone: 'phone',
  wechat: 'wechat',
  email: 'email',
  kind: 'kind',
  org: 'org',
  source: 'source',
  referredBy: 'referred_by',
  interest: 'interest',
  budget: 'budget',
  expected: 'expected',
  tier: 'tier',
  tierManual: 'tier_manual',
  orgCycle: 'org_cycle',
  orgBatch: 'org_batch',
  stage: 'stage',
  need: 'need',
  canPay: 'can_pay',
  decides: 'decides',
  birthday: 'birthday',
  lunarBirthday: 'lunar_birthday',
  salutation: 'salutation',
  gender: 'gender',
  trade: 'trade',
  departs: 'departs',
  returns: 'returns',
  balanceDue: 'balance_due',
  note: 'note',
  nextCallback: 'next_callback',
};

/** Domain words as an SQL list, so a query states a rule from the domain rather than a copy of it. */

const bool = (v: unknown) => (v === null || v === undefined ? null : v === 1);
const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));
const readKind = readProspectKind;
const readSource = orNull(oneOf(SOURCES));
const readGender = oneOf(['m', 'f'] as const);
const readTrade = oneOf(TRADES);
const idName = (row: unknown) => {
  const r = fields(row);
  return { id: int(r.id, 'id'), name: text(r.name, 'name') };
};

/** A prospect row (every column of the table) and its normalised numbers, checked column by column. */
function toProspect(row: unknown, phones: string[]): Prospect {
  const r = fields(row, 'prospect');
  return {
    id: int(r.id, 'prospect.id'),
    name: text(r.name, 'prospect.name'),
    phone: textOrNull(r.phone, 'prospect.phone'),
    phones,
    wechat: textOrNull(r.wechat, 'prospect.wechat'),
    email: textOrNull(r.email, 'prospect.email'),
    kind: readKind(r.kind, 'prospect.kind'),
    org: textOrNull(r.org, 'prospect.org'),
    source: readSource(r.source, 'prospect.source'),
    referredBy: intOrNull(r.referred_by, 'prospect.referred_by'),
    interest: textOrNull(r.interest, 'prospect.interest'),
    budget: textOrNull(r.budget, 'prospect.budget'),
    expected: textOrNull(r.expected, 'prospect.expected'),
    tier: readTier(r.tier, 'prospect.tier'),
    tierManual: r.tier_manual === 1,
    orgCycle: textOrNull(r.org_cycle, 'prospect.org_cycle'),
    orgBatch: textOrNull(r.org_batch, 'prospect.org_batch'),
    stage: readStage(r.stage, 'prospect.stage'),
    need: bool(r.need),
    canPay: bool(r.can_pay),
    decides: bool(r.decides),
    birthday: textOrNull(r.birthday, 'prospect.birthday'),
    lunarBirthday: textOrNull(r.lunar_birthday ?? null, 'prospect.lunar_birthday'),
    salutation: textOrNull(r.salutation ?? null, 'prospect.salutation'),
    gender: orNull(readGender)(r.gender ?? null, 'prospect.gender'),
    trade: orNull(readTrade)(r.trade ?? null, 'prospect.trade'),
    departs: textOrNull(r.departs ?? null, 'prospect.departs'),
    returns: textOrNull(r.returns ?? null, 'prospect.returns'),
    balanceDue: textOrNull(r.balance_due ?? null, 'prospect.balance_due'),
    note: textOrNull(r.note, 'prospect.note'),
    lostReason: textOrNull(r.lost_reason, 'prospect.lost_reason'),
    wonOn: textOrNull(r.won_on, 'prospect.won_on'),
    lostOn: textOrNull(r.lost_on, 'prospect.lost_on'),
    nextCallback: textOrNull(r.next_callback, 'prospect.next_callback'),
    created: text(r.created, 'prospect.created'),
    updated: text(r.updated, 'prospect.updated'),
    deal: dealFromJson(r.deal),
  };
}

/** Every prospect column plus its normalised numbers, in the order they were given. */
const SELECT = `SELECT p.*, (SELECT json_group_array(number) FROM phone WHERE prospect_id = p.id) AS phones, ${DEAL_JSON} AS deal FROM prospect p`;

const fromRow = (row: unknown) => toProspect(row, textList(fields(row).phones, 'prospect.phones'));

/** The prospect with this id, or undefined: whether a missing one is an error is the caller's call. */
export function getProspect(db: DB, id: number): Prospect | undefined {
  const row: unknown = prepared(db, `${SELECT} WHERE p.id = ?`).get(id);
  return row === undefined ? undefined : fromRow(row);
}

export function prospectExists(db: DB, id: number): boolean {
  return prepared(db, 'SELECT 1 FROM prospect WHERE id = ?').get(id) !== undefined;
}

/** Other prospects already holding any of these normalised numbers. */
export function findByPhones(db: DB, numbers: string[], except = 0): { id: number; name: string; number: string }[] {
  if (numbers.length === 0) return [];
  const marks = numbers.map(() => '?').join(',');
  return prepared(
    db,
    `SELECT DISTINCT p.id, p.name, ph.number FROM phone ph JOIN prospect p ON p.id = ph.prospect_id
       WHERE ph.number IN (${marks}) AND p.id <> ? ORDER BY p.id`,
  )
    .all(...numbers, except)
    .map((row) => {
      const r = fields(row);
      return { id: int(r.id, 'id'), name: text(r.name, 'name'), number: text(r.number, 'number') };
    });
}

/** Another prospect with this WeChat id: ids are case-insensitive, as WeChat treats them. */
export function findByWechat(db: DB, wechat: string, except = 0): { id: number; name: string } | undefined {
  const row: unknown = prepared(
    db,
    'SELECT id, name FROM prospect WHERE lower(trim(wechat)) = lower(trim(?)) AND id <> ? ORDER BY id LIMIT 1',
  ).get(wechat, except);
  return row === undefined ? undefined : idName(row);
}

/**
 * The prospect holding any of these spellings of one number (`matchKeys`), the first spelling found
 * first: the import's duplicate check.
 */
export function holderOf(db: DB, spellings: string[]): number | undefined {
  const find = prepared(db, 'SELECT prospect_id FROM phone WHERE number = ? LIMIT 1').pluck();
  for (const number of spellings) {
    const id = maybe(int)(find.get(number), 'id');
    if (id !== undefined) return id;
  }
  return undefined;
}

function setPhones(db: DB, id: number, numbers: string[]): void {
  prepared(db, 'DELETE FROM phone WHERE prospect_id = ?').run(id);
  const add = prepared(db, 'INSERT INTO phone (prospect_id, number) VALUES (?, ?)');
  for (const n of numbers) add.run(id, n);
}

// The stage and grade history (for the funnel and the calibration report) is written when something
// changes: a prospect that never changed is its own history, so adding one writes no history rows.
// The first change also records what it changed from, on the day the prospect was added.

/** What a prospect was before an update: where its history starts if it has none yet. */
interface Before {
  stage: Stage;
  tier: Tier;
  tierManual: boolean;
  created: string;
}

function before(db: DB, id: number): Before {
  const r = fields(
    prepared(db, 'SELECT stage, tier, tier_manual, created FROM prospect WHERE id = ?').get(id),
    'prospect',
  );
  return {
    stage: readStage(r.stage, 'prospect.stage'),
    tier: readTier(r.tier, 'prospect.tier'),
    tierManual: r.tier_manual === 1,
    created: text(r.created, 'prospect.created'),
  };
}

function logStage(db: DB, id: number, from: Before, stage: Stage, day: Day): void {
  const insert = prepared(db, 'INSERT INTO stage_log (prospect_id, stage, day) VALUES (?, ?, ?)');
  if (!prepared(db, 'SELECT 1 FROM stage_log WHERE prospect_id = ?').get(id)) {
    insert.run(id, from.stage, from.created.slice(0, 10));
  }
  insert.run(id, stage, day);
}

function logGrade(db: DB, id: number, from: Before, tier: Tier, manual: boolean, day: Day): void {
  const insert = prepared(db, 'INSERT INTO grade_log (prospect_id, tier, day, manual) VALUES (?, ?, ?, ?)');
  if (!prepared(db, 'SELECT 1 FROM grade_log WHERE prospect_id = ?').get(id)) {
    insert.run(id, from.tier, from.created.slice(0, 10), from.tierManual ? 1 : 0);
  }
  insert.run(id, tier, day, manual ? 1 : 0);
}

/** Column of each field an update can set. */
const SET_COLUMN: Record<string, string> = {
  ...COLUMNS,
  lostReason: 'lost_reason',
  wonOn: 'won_on',
  lostOn: 'lost_on',
};

/** One statement with every column, compiled once and bound by position: an import runs it 100k times. */
const INSERT_COLUMNS = ['id', ...Object.values(COLUMNS), 'lost_reason', 'won_on', 'created', 'updated'];
const INSERT = `INSERT INTO prospect (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;
const FIELD_OF = Object.fromEntries(Object.entries(COLUMNS).map(([field, column]) => [column, field]));

export function insertProspect(
  db: DB,
  fields: ProspectFields & { name: string; lostReason?: string | null; wonOn?: Day | null },
  phones: string[],
  /** When it was added, local time (`created` and `updated`). */
  created: string,
  id?: number,
): number {
  // The schema's defaults, for the columns a caller left out.
  const given: Record<string, unknown> = { kind: 'person', tier: 'C', tierManual: false, stage: 'new', ...fields };
  const values = INSERT_COLUMNS.map((column) => {
    if (column === 'id') return id ?? null;
    if (column === 'lost_reason') return given.lostReason ?? null;
    if (column === 'won_on') return given.wonOn ?? null;
    if (column === 'created' || column === 'updated') return created;
    const field = FIELD_OF[column];
    return field === undefined ? null : sqlValue(given[field]);
  });
  if (id === undefined) assertNextIdSafe(db, 'prospect');
  const newId = Number(prepared(db, INSERT).run(values).lastInsertRowid);
  const add = prepared(db, 'INSERT INTO phone (prospect_id, number) VALUES (?, ?)');
  for (const n of phones) add.run(newId, n);
  return newId;
}

/** Writes the given fields (undefined = unchanged); logs stage and grade moves for the reports. */
export function updateProspect(
  db: DB,
  id: number,
  given: ProspectFields & { lostReason?: string | null; wonOn?: Day | null; lostOn?: Day | null },
  stamp: { now: string; day: Day },
  phones?: string[],
): void {
  const was = before(db, id);
  const entries = Object.entries(given).filter(([, v]) => v !== undefined);
  const sets = entries.map(([k]) => `${SET_COLUMN[k]} = ?`);
  prepared(db, `UPDATE prospect SET ${[...sets, 'updated = ?'].join(', ')} WHERE id = ?`).run(
    ...entries.map(([, v]) => sqlValue(v)),
    stamp.now,
    id,
  );
  if (phones) setPhones(db, id, phones);
  if (given.stage && given.stage !== was.stage) logStage(db, id, was, given.stage, stamp.day);
  const manual = given.tierManual ?? was.tierManual;
  if (given.tier && (given.tier !== was.tier || manual !== was.tierManual)) {
    logGrade(db, id, was, given.tier, manual, stamp.day);
  }
}

export interface ListFilter {
  stage?: Stage;
  source?: string;
  /** Text in any field, in a phone number, or in what a contact's note or outcome says. */
  search?: string;
  /** Prospects the search also finds by other means (a Chinese name by its pinyin). */
  alsoIds?: number[];
  dueBy?: Day;
}

/** Prospects matching the filter, newest callback work first; tier filtering is the caller's (it is derived). */
export function listProspects(db: DB, f: ListFilter): Prospect[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.stage) where.push('stage = ?') && args.push(f.stage);
  if (f.source) where.push('source = ?') && args.push(f.source);
  if (f.dueBy) where.push('next_callback <= ?') && args.push(f.dueBy);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // １３８… typed on a Chinese keyboard is the same number.
    const digits = halfWidth(f.search).replace(/\D/g, '');
    const fields = ['name', 'phone', 'wechat', 'email', 'org', 'interest', 'note'].map(
      (c) => `${c} LIKE ? ESCAPE '\\'`,
    );
    args.push(...fields.map(() => like));
    if (digits.length >= 4) {
      fields.push('id IN (SELECT prospect_id FROM phone WHERE number LIKE ?)');
      args.push(`%${digits}%`);
    }
    // An organisation is also remembered by its people: a name, or a number on a business card.
    // Only while it is one: people kept after --clear org are hidden, from a search too.
    fields.push(`(kind = 'org' AND id IN (SELECT prospect_id FROM person WHERE name LIKE ? ESCAPE '\\'))`);
    args.push(like);
    if (digits.length >= 4) {
      fields.push(
        `(kind = 'org' AND id IN (SELECT prospect_id FROM person WHERE replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', '') LIKE ?))`,
      );
      args.push(`%${digits}%`);
    }
    // "和宝马3系在比较" in a contact's note is what the consultant remembers them by.
    fields.push(`id IN (SELECT prospect_id FROM contact WHERE note LIKE ? ESCAPE '\\' OR outcome LIKE ? ESCAPE '\\')`);
    args.push(like, like);
    if (f.alsoIds?.length) {
      fields.push(`id IN (SELECT value FROM json_each(?))`);
      args.push(JSON.stringify(f.alsoIds));
    }
    where.push(`(${fields.join(' OR ')})`);
  }
  const order = f.dueBy ? 'next_callback, id' : 'id';
  const rows = prepared(db, `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`);
  return rows.all(...args).map(fromRow);
}

/** Prospects whose name has a character outside ASCII: the ones a pinyin search can find. */
export function namesBeyondAscii(db: DB): { id: number; name: string }[] {
  return prepared(db, "SELECT id, name FROM prospect WHERE name GLOB '*[^ -~]*' ORDER BY id").all().map(idName);
}

/**
 * Whom a festival greeting may go to: customers, and prospects that are or may be hot (graded O or
 * A, or with a purchase date that can make them so). The caller applies today's grade.
 */
export function greetCandidates(db: DB): Prospect[] {
  return prepared(
    db,
    `${SELECT} WHERE p.stage IN (${sqlList(CUSTOMER_STAGES)})
         OR (p.stage <> 'lost' AND (p.tier IN ('O', 'A') OR p.expected IS NOT NULL)) ORDER BY p.id`,
  )
    .all()
    .map(fromRow);
}

export function countProspects(db: DB): number {
  return countRows(db, 'prospect');
}

/** Open prospects with a purchase date: the ones whose tier can move with time. */
export function datedOpenProspects(db: DB): Prospect[] {
  return prepared(
    db,
    `${SELECT} WHERE p.expected IS NOT NULL
       AND p.stage NOT IN (${sqlList(CLOSED_STAGES)}) ORDER BY p.id`,
  )
    .all()
    .map(fromRow);
}

/** Removes a prospect and, through the foreign keys, everything recorded about them. */
export function deleteProspect(db: DB, id: number): number {
  const contacts = int(prepared(db, 'SELECT count(*) FROM contact WHERE prospect_id = ?').pluck().get(id), 'count');
  prepared(db, 'DELETE FROM prospect WHERE id = ?').run(id);
  return contacts;
}

/** Prospects whose referred_by names nobody: what a deferred foreign key would refuse at commit. */
export function danglingReferrals(db: DB): number[] {
  return cells(db.pragma('foreign_key_check(prospect)'), 'foreign_key_check')
    .map((r) => fields(r, 'foreign_key_check'))
    .filter((r) => r.table === 'prospect' && r.parent === 'prospect')
    .map((r) => int(r.rowid, 'foreign_key_check.rowid'));
}

/** Every prospect's id and name, for shell completion: one small query. */
export function idsAndNames(db: DB): { id: number; name: string }[] {
  return prepared(db, 'SELECT id, name FROM prospect ORDER BY id')
    .all()
    .map((row) => {
      const r = fields(row, 'prospect');
      return { id: int(r.id, 'prospect.id'), name: text(r.name, 'prospect.name') };
    });
}
